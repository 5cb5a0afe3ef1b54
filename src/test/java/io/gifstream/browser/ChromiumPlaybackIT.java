package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The page in a real browser: headless Chromium shows the demo stream moving; when the server stops,
 * the picture freezes on its last frame; after the server restarts the page picks the stream up again
 * by itself; and it swaps in fresh connections without a blank. Screenshots stay in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumPlaybackIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium");
    private final Path work = Path.of("target/deploy/ChromiumPlaybackIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();
    private ContainerProcess server;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"));
    }

    private ContainerProcess startServer() throws Exception {
        return ContainerProcess.startJetty(work, port, "gifstream.page.recycle-seconds=10");
    }

    private final io.gifstream.testing.StreamClient client = new io.gifstream.testing.StreamClient(url());

    private java.net.URL url() {
        try {
            return new java.net.URL("http://localhost:" + port + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Screenshots of the image every 250 ms until there are this many; returns how many differ. */
    private int distinctPictures(int samples, String name) {
        List<int[]> pictures = new ArrayList<>();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(30)).until(() -> {
            byte[] png = browser.screenshotOf("stream");
            Screenshots.save(png, SCREENSHOTS.resolve(name + "-" + pictures.size() + ".png"));
            pictures.add(Screenshots.pixels(png));
            return pictures.size() >= samples;
        });
        Set<Integer> distinct = new HashSet<>();
        pictures.forEach(p -> distinct.add(Arrays.hashCode(p)));
        return distinct.size();
    }

    @Test
    void pageAnimatesLiveAndRecoversAfterAServerRestart() throws Exception {
        browser.open("http://localhost:" + port + "/");
        int live = distinctPictures(17, "live");
        assertTrue(live >= 12, "only " + live + " distinct pictures in 17 samples over 4 s");

        server.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.textOf("state").equals("live"));
        // the ended stream stays on its last picture: no replay of its history, no broken image
        assertEquals(1, distinctPictures(8, "ended"), "the picture moves after the stream ended (ended-*.png)");
        assertTrue(Screenshots.showsDemoPattern(browser.screenshotOf("stream")), "no picture after the stream ended");
        server = startServer();
        // the page retries at most every 3 s: live again within 5 s of the server being back
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.textOf("state").equals("live"));
        int recovered = distinctPictures(9, "recovered");
        assertTrue(recovered >= 6, "only " + recovered + " distinct pictures in 9 samples after the restart");
    }

    @Test
    void pageReplacesItsImageWithAFreshConnectionWithoutABlank() {
        browser.open("http://localhost:" + port + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 1);
        long joined = client.status().get("viewersJoined").asLong();
        List<byte[]> pictures = new ArrayList<>();
        // every 10 s the page swaps in a fresh connection; sample across two swaps
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(60)).until(() -> {
            byte[] png = browser.screenshotOf("stream");
            Screenshots.save(png, SCREENSHOTS.resolve("recycle-" + pictures.size() + ".png"));
            pictures.add(png);
            return client.status().get("viewersJoined").asLong() >= joined + 2 && pictures.size() >= 90;
        });
        for (int i = 0; i < pictures.size(); i++) {
            assertTrue(Screenshots.showsDemoPattern(pictures.get(i)), "sample " + i + " does not show the picture (recycle-" + i + ".png)");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 1);
    }
}
