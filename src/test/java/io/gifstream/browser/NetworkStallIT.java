package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
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
import org.junit.jupiter.api.Test;

/**
 * The browser's network holds all traffic for 3 s, then delivers it at once: a browser that plays
 * every late frame for its delay (Firefox does) would stay 3 s behind live until the next swap. The
 * page notices its slow status poll and swaps in a fresh connection at once, without a blank.
 */
class NetworkStallIT {
    private final Path work = Path.of("target/deploy/NetworkStallIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();

    @Test
    void pageSwapsInAFreshConnectionRightAfterTheNetworkStalled() throws Exception {
        String server = "http://localhost:" + port + "/";
        try (ContainerProcess container = ContainerProcess.startJetty(work, port);
             StallingRelay network = new StallingRelay(StallingRelay.addressOf(server));
             HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            StreamClient client = new StreamClient(new URL(server));
            browser.open("http://localhost:" + network.port() + "/");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 1);
            long joined = client.status().get("viewersJoined").asLong();

            network.stall(3_000);
            // the regular swap comes only after 60 s: a fresh connection now is the page's answer to the stall
            await().atMost(Duration.ofSeconds(8)).until(() -> client.status().get("viewersJoined").asLong() == joined + 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("viewers").asInt() == 1);
            assertTrue(Screenshots.showsDemoPattern(browser.screenshotOf("stream")), "no picture after the swap");
        }
    }
}
