package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.HoldingRelay;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.TestWar;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page behind a network that passes only whole responses (a virus scanner, some proxies), in
 * headless Chromium: no part of the endless stills stream gets through, so the page shows snapshots
 * instead — moving, at most two requests a second, and says so — and once the network lets the
 * stream through it plays the stream again by itself. Screenshots stay in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HoldingProxyIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium-holding");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the page tries the stream again at every fresh-connection interval
        return TestWar.of("holding", Map.of("gifstream.page.recycle-seconds", "10"));
    }

    @Test
    void pageShowsMovingSnapshotsWhileTheNetworkHoldsTheStreamAndPlaysTheStreamOnceItPasses() throws Exception {
        try (HoldingRelay network = new HoldingRelay(base.toURI());
             HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            browser.open("http://localhost:" + network.port() + base.getPath());
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.textOf("state").contains("snapshots"));
            assertEquals("live stream held by the network: showing snapshots", browser.textOf("state"));
            assertTrue(network.arrivals(base.getPath() + "stills").size() >= 1, "the page never asked for the stream");

            int moving = distinctPictures(browser, 21, "snapshots");
            assertTrue(moving >= 3, "only " + moving + " distinct pictures in 5 s of snapshots");
            assertAtMostTwoASecond(network.arrivals(base.getPath() + "snapshot.gif"));

            network.release();
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.textOf("state").equals("live"));
            int snapshotsAsked = network.arrivals(base.getPath() + "snapshot.gif").size();
            int live = distinctPictures(browser, 9, "released");
            assertTrue(live >= 6, "only " + live + " distinct pictures in 2 s of the stream");
            assertTrue(network.arrivals(base.getPath() + "snapshot.gif").size() <= snapshotsAsked + 1,
                    "the page still polls snapshots while the stream plays");
        }
    }

    /** Screenshots of the image every 250 ms; fails on one without the picture; returns how many differ. */
    private static int distinctPictures(HeadlessChromium browser, int samples, String name) {
        List<int[]> pictures = new ArrayList<>();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(30)).until(() -> {
            byte[] png = browser.screenshotOf("stream");
            Path file = SCREENSHOTS.resolve(name + "-" + pictures.size() + ".png");
            Screenshots.save(png, file);
            assertTrue(Screenshots.showsDemoPattern(png), file + " does not show the picture");
            pictures.add(Screenshots.pixels(png));
            return pictures.size() >= samples;
        });
        Set<Integer> distinct = new HashSet<>();
        pictures.forEach(p -> distinct.add(Arrays.hashCode(p)));
        return distinct.size();
    }

    // The page asks for the next snapshot 500 ms after it asked for the last one, or later. Arrival
    // times at the relay can be a little closer than that, so any four requests must span more than a
    // second (a page asking three times a second fails), and the whole run must average two a second.
    private static void assertAtMostTwoASecond(List<Long> arrivals) {
        assertTrue(arrivals.size() >= 3, "only " + arrivals.size() + " snapshot requests");
        for (int i = 0; i + 3 < arrivals.size(); i++) {
            assertTrue(arrivals.get(i + 3) - arrivals.get(i) > 1000, "four snapshot requests within a second: " + arrivals);
        }
        // counted in milliseconds (in whole seconds, 15 requests over 6.9 s read as over 6), with a second of
        // slack for a first request that reached the relay late
        long spanMillis = arrivals.get(arrivals.size() - 1) - arrivals.get(0);
        assertTrue(arrivals.size() - 1 <= 2 * (spanMillis / 1000.0 + 1),
                arrivals.size() + " snapshot requests in " + spanMillis + " ms: " + arrivals);
    }
}
