package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WAR as built, with no frame directory: the built-in test pattern is a live stream. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoSourceIT {
    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.of("demo", Map.of());
    }

    @Test
    void streamsAMovingTestPattern() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            assertEquals(320, stream.width());
            assertEquals(240, stream.height());
            int[] previous = Pixels.decode(stream.nextFrame().still());
            for (int i = 0; i < 5; i++) {
                int[] next = Pixels.decode(assertTimeoutPreemptively(Duration.ofSeconds(2), stream::nextFrame).still());
                assertFalse(Arrays.equals(previous, next), "frame " + i + " moved");
                previous = next;
            }
        }
        JsonNode status = client.status();
        assertEquals("demo", status.get("source").asText());
        assertEquals("running", status.get("sourceState").asText());
    }

    @Test
    void pageShowsTheStreamWithRelativeUrlsOnly() {
        HttpResponse<byte[]> page = new StreamClient(base).get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"stills\""), html);
        assertFalse(html.contains("src=\"/"), "no absolute paths: the page must work under any prefix");
        String script = new String(new StreamClient(base).get("viewer.js").body(), StandardCharsets.UTF_8);
        assertTrue(script.contains("'stills'") && script.contains("'snapshot.gif'") && script.contains("'status'"),
                "relative URLs in the script");
    }
}
