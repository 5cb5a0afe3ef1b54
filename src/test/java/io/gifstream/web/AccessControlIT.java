package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An access token, viewer limits per address and security headers, on the demo stream. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {
    private static final String TOKEN = "s3cret-token-0123456789";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.of("guarded", Map.of(
                "gifstream.access.token", TOKEN,
                "gifstream.viewers.max-per-address", "2",
                "gifstream.page.frame-ancestors", "'self' https://intranet.example"));
    }

    @Test
    void streamSnapshotAndStatusNeedTheToken() {
        StreamClient client = new StreamClient(base);
        for (String path : new String[] {"stream.gif", "snapshot.gif", "status", "status?token=wrong-token-0123456789"}) {
            HttpResponse<byte[]> response = client.get(path);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        }
        assertEquals(200, client.get("status?token=" + TOKEN).statusCode());
        assertEquals(200, client.send("status", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, client.get("").statusCode(), "the page itself is public; it passes its ?token= on");
    }

    @Test
    void pageCarriesSecurityHeaders() {
        HttpResponse<byte[]> page = new StreamClient(base).get("");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.endsWith("frame-ancestors 'self' https://intranet.example"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void requestPathsNeverReachTheFileSystem() {
        StreamClient client = new StreamClient(base);
        assertEquals(404, client.get("WEB-INF/web.xml").statusCode());
        assertEquals(404, client.get("META-INF/MANIFEST.MF").statusCode());
        assertTrue(client.get("%2e%2e/%2e%2e/etc/passwd").statusCode() >= 400);
        assertEquals(404, client.get("no-such-file.gif").statusCode());
    }

    @Test
    void viewersBeyondThePerAddressLimitGet503WithRetryAfter() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream first = client.open("stream.gif?token=" + TOKEN).body();
             InputStream second = client.open("stream.gif?token=" + TOKEN).body()) {
            new GifStreamReader(first).nextFrame();
            new GifStreamReader(second).nextFrame();
            HttpResponse<byte[]> third = client.get("stream.gif?token=" + TOKEN);
            assertEquals(503, third.statusCode());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            assertTrue(client.get("status?token=" + TOKEN).statusCode() == 200);
        }
        await().atMost(Duration.ofSeconds(5)).until(
                () -> client.statusWith(TOKEN).get("viewers").asInt() == 0);
        try (InputStream again = client.open("stream.gif?token=" + TOKEN).body()) {
            new GifStreamReader(again).nextFrame();
        }
        assertTrue(client.statusWith(TOKEN).get("viewersRejected").asLong() >= 1);
    }
}
