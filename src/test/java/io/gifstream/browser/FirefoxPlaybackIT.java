package io.gifstream.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.ContainerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page in Firefox ESR too: Debian packages no geckodriver, so puppeteer-core drives Firefox over
 * WebDriver BiDi (src/test/js/firefox-playback.mjs; .ci/run installs it with npm ci). The picture
 * moves, and after the server restarts the page is live again by itself.
 */
class FirefoxPlaybackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path work = Path.of("target/deploy/FirefoxPlaybackIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();

    private ContainerProcess startServer() throws Exception {
        return ContainerProcess.startJetty(work, port);
    }

    @Test
    void pageAnimatesLiveInFirefoxAndRecoversAfterAServerRestart() throws Exception {
        ContainerProcess server = startServer();
        Process firefox = new ProcessBuilder("node", "src/test/js/firefox-playback.mjs",
                "http://localhost:" + port + "/", "target/screenshots/firefox")
                .redirectError(work.resolve("firefox.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(firefox.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode live = JSON.readTree(out.readLine());
            assertTrue(live.path("distinct").asInt() >= 12, "only " + live + " in Firefox");

            server.close();
            JsonNode down = JSON.readTree(out.readLine());
            assertEquals("down", down.path("phase").asText(), down.toString());

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
}
