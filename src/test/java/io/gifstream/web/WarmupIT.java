package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.KeptLogMessages;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The warm-up over a real connector: the first request starts it, /health and /status answer 503 with its
 * progress until its viewers, and then its crowd held at once, have come and gone, and then nothing of it is
 * left in what the server reports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarmupIT {
    private static final int REQUESTS = 600;
    private static final int CROWD = 300;
    private static final int VIEWERS = REQUESTS + CROWD;
    private static final String WARMUP_PARAMETER = "gifstream-warmup"; // the WAR's classes are not on this classpath
    private static final KeptLogMessages WARMUP_LOG = new KeptLogMessages();
    // held here: the log manager holds loggers weakly, and a collected one would forget the handler
    private static final Logger WARMUP_LOGGER = Logger.getLogger("io.gifstream.web.Warmup");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the embedded container runs in this JVM: the warm-up's log lines reach this handler
        WARMUP_LOGGER.addHandler(WARMUP_LOG);
        return TestWar.of("warmup", Map.of("gifstream.warmup.requests", String.valueOf(REQUESTS),
                "gifstream.warmup.crowd", String.valueOf(CROWD)));
    }

    @Test
    void readyOnlyOnceItsOwnViewersCameAndWentLeavingNoTrace() throws Exception {
        StreamClient client = new StreamClient(base);
        HttpResponse<byte[]> first = client.get("health");
        assertEquals(503, first.statusCode());
        assertTrue(text(first).matches("warming up: \\d+ of " + VIEWERS + " viewers\n"), text(first));
        assertEquals("1", first.headers().firstValue("Retry-After").orElseThrow());

        // a viewer is served while the server warms up, and a wrong secret makes an ordinary viewer
        HttpResponse<InputStream> early = client.open("stream.gif?" + WARMUP_PARAMETER + "=not-the-secret");
        assertEquals(200, early.statusCode());
        try (InputStream stream = early.body()) {
            new GifStreamReader(stream).nextFrame();
        }

        // it gives up after 60 s, even with the JIT compiler still busy
        await().atMost(Duration.ofSeconds(90)).until(() -> client.get("health").statusCode() == 200);
        assertEquals(200, client.get("status").statusCode());
        // every time the JIT compiler was still busy after a round, another round of as many viewers
        long rounds = WARMUP_LOG.messages().stream()
                .filter(line -> line.startsWith("warm-up goes on: the JIT compiler is still busy (")).count();
        String warmed = "warmed up in \\d+ ms: " + (VIEWERS + rounds * REQUESTS) + " viewers served, 0 failed; ready";
        assertTrue(WARMUP_LOG.messages().stream().anyMatch(line -> line.matches(warmed)),
                WARMUP_LOG.messages().toString());

        // the default channel saw the one early viewer, and none of the warm-up's, its crowd's neither
        assertEquals(1, client.status().get("viewersJoined").asLong());
        String channels = text(client.get("channels"));
        assertFalse(channels.contains("warmup"), channels);
        String metrics = text(client.get("metrics"));
        assertFalse(metrics.contains("channel=\"warmup"), "a warm-up channel shows in /metrics");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
