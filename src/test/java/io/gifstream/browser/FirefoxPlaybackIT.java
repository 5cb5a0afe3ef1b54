package io.gifstream.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.StreamClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page in Firefox ESR too: Debian packages no geckodriver, so puppeteer-core drives Firefox over
 * WebDriver BiDi (src/test/js/firefox-playback.mjs; .ci/run installs it with npm ci). The picture
 * moves, stays on screen while the page swaps in fresh connections, freezes on its last picture when
 * the server stops, and after the server restarts the page is live again by itself.
 */
class FirefoxPlaybackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path work = Path.of("target/deploy/FirefoxPlaybackIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();

    private ContainerProcess startServer() throws Exception {
        return ContainerProcess.startJetty(work, port, "gifstream.page.recycle-seconds=10");
    }

    @Test
    void pageAnimatesLiveInFirefoxAndRecoversAfterAServerRestart() throws Exception {
        ContainerProcess server = startServer();
        StreamClient client = new StreamClient(new URL("http://localhost:" + port + "/"));
        Process firefox = new ProcessBuilder("node", "src/test/js/firefox-playback.mjs",
                "http://localhost:" + port + "/", "target/screenshots/firefox")
                .redirectError(work.resolve("firefox.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(firefox.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode live = JSON.readTree(out.readLine());
            assertTrue(live.path("distinct").asInt() >= 12, "only " + live + " in Firefox");
            long joined = client.status().get("viewersJoined").asLong();

            JsonNode recycled = JSON.readTree(out.readLine());
            long swaps = client.status().get("viewersJoined").asLong() - joined;
            assertTrue(swaps >= 2, "the page swapped in " + swaps + " fresh connections in 25 s, expected one every 10 s");
            for (JsonNode file : recycled.path("files")) {
                assertShowsThePicture(file.asText());
            }
            assertTrue(recycled.path("distinct").asInt() > recycled.path("samples").asInt() / 2,
                    "the picture stops moving across swaps: " + recycled.path("distinct") + " distinct pictures");

            server.close();
            JsonNode down = JSON.readTree(out.readLine());
            assertEquals("down", down.path("phase").asText(), down.toString());
            assertEquals(1, down.path("distinct").asInt(), "an ended stream stays on one picture, no replay: " + down);
            assertShowsThePicture(down.path("files").path(0).asText());

            server = startServer();
            long backAt = System.currentTimeMillis();
            JsonNode recovered = JSON.readTree(out.readLine());
            long seconds = (recovered.path("liveAt").asLong() - backAt) / 1000;
            assertTrue(seconds < 5, "live again " + seconds + " s after the server was back");
            assertTrue(recovered.path("distinct").asInt() >= 6, "after the restart: " + recovered);
        } finally {
            firefox.destroy();
            firefox.waitFor(10, TimeUnit.SECONDS);
            server.close();
        }
    }

    private static void assertShowsThePicture(String screenshot) throws Exception {
        assertTrue(Screenshots.showsDemoPattern(Files.readAllBytes(Path.of(screenshot))), screenshot + " does not show the picture");
    }
}
