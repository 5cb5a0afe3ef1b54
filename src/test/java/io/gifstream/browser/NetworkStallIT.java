package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.StallingRelay;
import io.gifstream.testing.StreamClient;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The browser's network holds all traffic for 3 s, then delivers it at once. The page plays stills,
 * each replacing the last, so nothing held up is played late and there is no history to get rid of:
 * the picture moves again on the same connection, with no fresh connection and no blank.
 * Screenshots stay in target/screenshots.
 */
class NetworkStallIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium-stall");
    private final Path work = Path.of("target/deploy/NetworkStallIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();

    @Test
    void pictureMovesAgainOnTheSameConnectionRightAfterTheNetworkStalled() throws Exception {
        String server = "http://localhost:" + port + "/";
        try (ContainerProcess container = ContainerProcess.startJetty(work, port);
             StallingRelay network = new StallingRelay(StallingRelay.addressOf(server));
             HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            StreamClient client = new StreamClient(new URL(server));
            browser.open("http://localhost:" + network.port() + "/");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.textOf("state").equals("live"));
            long joined = client.status().get("viewersJoined").asLong();

            network.stall(3_000);
            List<int[]> pictures = new ArrayList<>();
            // screenshots across the stall and after it: the picture stays, then moves again
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(30)).until(() -> {
                byte[] png = browser.screenshotOf("stream");
                Path file = SCREENSHOTS.resolve("stall-" + pictures.size() + ".png");
                Screenshots.save(png, file);
                assertTrue(Screenshots.showsDemoPattern(png), file + " does not show the picture");
                pictures.add(Screenshots.pixels(png));
                return pictures.size() >= 32;
            });
            Set<Integer> afterTheStall = new HashSet<>();
            pictures.subList(pictures.size() - 9, pictures.size()).forEach(p -> afterTheStall.add(Arrays.hashCode(p)));
            assertTrue(afterTheStall.size() >= 6, "only " + afterTheStall.size() + " distinct pictures in the last 9 samples");
            assertEquals("live", browser.textOf("state"));
            assertEquals(joined, client.status().get("viewersJoined").asLong(), "the page needed a fresh connection");
        }
    }
}
