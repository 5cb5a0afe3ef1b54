package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.PrometheusServer;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /metrics on the demo stream behind an access token, scraped by a real Prometheus server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
    private static final String TOKEN = "metrics-token-0123456789";
    private static final String BEARER = "Bearer " + TOKEN;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.of("metrics", Map.of("gifstream.access.token", TOKEN));
    }

    @Test
    void metricsNeedTheTokenAndSpeakTheTextFormatToCurl() {
        StreamClient client = new StreamClient(base);
        assertEquals(401, client.get("metrics").statusCode());

        HttpResponse<byte[]> metrics = client.send("metrics", "Authorization", BEARER);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = new String(metrics.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("gifstream_channel_info{channel=\"default\",source=\"demo\"} 1"), text);
        assertTrue(text.contains("\njvm_memory_used_bytes{area=\"heap\"} "), text);
    }

    @Test
    void prometheusScrapesTheFramesSentToAViewer() throws Exception {
        StreamClient client = new StreamClient(base);
        HttpResponse<InputStream> stream = client.open("stream.gif", "Authorization", BEARER);
        try (InputStream body = stream.body(); PrometheusServer prometheus = PrometheusServer.scraping(base, TOKEN)) {
            assertEquals(200, stream.statusCode());
            GifStreamReader viewer = new GifStreamReader(body);
            viewer.next();

            await("the first scrape").atMost(Duration.ofSeconds(30))
                    .until(() -> prometheus.targetHealth() != null && !prometheus.targetHealth().startsWith("unknown"));
            assertEquals("up ", prometheus.targetHealth(), "target health and last error");
            await("a scraped frame count").atMost(Duration.ofSeconds(15))
                    .until(() -> prometheus.valueOf("gifstream_frames_sent_total{channel=\"default\"}") > 0);
            assertEquals(1, prometheus.valueOf("gifstream_viewers{channel=\"default\"}"), prometheus::log);
            assertTrue(prometheus.valueOf("process_open_fds") > 0, "the JVM basics");
        }
    }
}
