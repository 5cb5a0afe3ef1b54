package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.StreamClient;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page in Firefox ESR too: Debian packages no geckodriver, so puppeteer-core drives Firefox over
 * WebDriver BiDi (src/test/js/firefox-playback.mjs; .ci/run installs it with npm ci).
 */
class FirefoxPlaybackIT {

    @Test
    void pageAnimatesLiveInFirefox() throws Exception {
        Path work = Path.of("target/deploy/FirefoxPlaybackIT").toAbsolutePath();
        int port = ContainerProcess.freePort();
        try (ContainerProcess server = ContainerProcess.start(Path.of("."), work.resolve("container.log"), List.of(
                "bash", "deploy/jetty/run.sh", "--port", String.valueOf(port), "--work", work.toString()))) {
            StreamClient client = new StreamClient(new URL("http://localhost:" + port + "/"));
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> client.get("status").statusCode() == 200);

            Path output = work.resolve("firefox.out");
            try (ContainerProcess firefox = ContainerProcess.start(Path.of("."), output, List.of("node",
                    "src/test/js/firefox-playback.mjs", "http://localhost:" + port + "/", "target/screenshots/firefox"))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> !firefox.isAlive());
            }
            String printed = Files.readString(output);
            JsonNode result = new ObjectMapper().readTree(printed.lines().reduce((first, last) -> last).orElse("{}"));
            assertEquals(17, result.path("samples").asInt(), printed);
            assertTrue(result.path("distinct").asInt() >= 12,
                    "only " + result.path("distinct") + " distinct pictures in 17 samples over 4 s: " + printed);
            assertEquals("live", result.path("state").asText(), printed);
        }
    }
}
