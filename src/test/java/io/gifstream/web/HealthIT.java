package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /health through a source's life: its directory missing, frames arriving, the producer gone quiet. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-health").resolve("not-yet");
        return TestWar.of("health", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.health.max-frame-age-seconds", "1"));
    }

    @Test
    void healthFollowsTheSourceFromMissingToLiveToSilent() throws IOException {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(5)).until(() -> body(client.get("health")).equals("frame directory missing\n"));
        HttpResponse<byte[]> missing = client.get("health");
        assertEquals(503, missing.statusCode());
        assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("text/plain", missing.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);

        Files.createDirectories(frames);
        try (FrameProducer producer = new FrameProducer(frames, Fixtures.frames(Fixtures.SMALL)).startAt(10)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.get("health").statusCode() == 200);
            assertEquals("ok\n", body(client.get("health")));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("health").statusCode() == 503);
        String silent = body(client.get("health"));
        assertEquals(true, silent.matches("no frame for \\d+ s\n"), silent);
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
