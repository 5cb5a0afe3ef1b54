package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An access token — in a cookie the page trades its {@code ?token=} for, a Bearer header or the URL —,
 * what /status and /health tell strangers and operators, viewer limits per address and security
 * headers, on the demo stream. "guarded" is set up for strangers; "operated" is the same with the
 * operator fields of /status switched on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {
    private static final String TOKEN = "s3cret-token-0123456789";
    private static final String COOKIE = "gifstream-token";

    @ArquillianResource
    @OperateOnDeployment("guarded")
    private URL base;

    @ArquillianResource
    @OperateOnDeployment("operated")
    private URL operated;

    @Deployment(name = "guarded", testable = false)
    static WebArchive deployment() {
        return TestWar.of("guarded", settings("false"));
    }

    @Deployment(name = "operated", testable = false)
    static WebArchive operatorDeployment() {
        return TestWar.of("operated", settings("true"));
    }

    private static Map<String, String> settings(String statusDetails) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "gifstream.access.token", TOKEN,
                "gifstream.viewers.max-per-address", "2",
                "gifstream.page.frame-ancestors", "'self' https://intranet.example"));
        settings.put("gifstream.status.details", statusDetails);
        return settings;
    }

    @Test
    void streamSnapshotAndStatusNeedTheToken() {
        StreamClient client = new StreamClient(base);
        for (String path : new String[] {"stream.gif", "stills", "snapshot.gif", "status", "status?token=wrong-token-0123456789"}) {
            HttpResponse<byte[]> response = client.get(path);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        }
        assertEquals(401, client.send("status", "Cookie", COOKIE + "=" + cookieValue("wrong-token-0123456789"))
                .statusCode());
        assertEquals(200, client.get("status?token=" + TOKEN).statusCode());
        assertEquals(200, client.send("status", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, client.get("").statusCode(), "the page itself is public");
    }

    @Test
    void channelPathsNeedTheTokenButForTheirHealth() {
        StreamClient client = new StreamClient(base);
        for (String path : List.of("channels", "streams/default.gif", "streams/default/stills",
                "streams/default/snapshot.gif", "streams/default/status", "streams/nope.gif", "streams/Bad/status",
                "streams/default/health/more", "streams/a/b/health")) {
            assertEquals(401, client.get(path).statusCode(), path + ": names of channels are no stranger's business");
        }
        String cookie = client.get("?token=" + TOKEN).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(200, client.send("channels", "Cookie", cookie).statusCode());
        assertEquals(200, client.send("streams/default/status", "Cookie", cookie).statusCode());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> client.send("streams/default/snapshot.gif", "Cookie", cookie).statusCode() == 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get("streams/default/health").statusCode() == 200);
        assertEquals(404, client.get("streams/nope/health").statusCode());
    }

    @Test
    void pageTradesTheTokenInItsAddressForACookieAndDropsItFromTheAddress() {
        StreamClient client = new StreamClient(base);
        HttpResponse<byte[]> page = client.get("?channel=north%20gate&token=" + TOKEN);
        assertEquals(303, page.statusCode());
        assertEquals("./?channel=north%20gate", page.headers().firstValue("Location").orElseThrow(),
                "the same address, without the token, other parameters kept");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertEquals(COOKIE + "=" + cookieValue(TOKEN), attributes.get(0));
        String contextPath = base.getPath().replaceAll("/$", "");
        assertEquals(new TreeSet<>(List.of("Path=" + contextPath, "HttpOnly", "SameSite=Strict")),
                new TreeSet<>(attributes.subList(1, attributes.size())), "no Secure over plain HTTP: " + cookie);

        HttpResponse<byte[]> named = client.get("index.html?token=" + TOKEN);
        assertEquals(303, named.statusCode());
        assertEquals("index.html", named.headers().firstValue("Location").orElseThrow());

        HttpResponse<byte[]> wrong = client.get("?token=wrong-token-0123456789");
        assertEquals(401, wrong.statusCode(), "a broken link says so");
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void streamStatusAndSnapshotWorkWithTheCookieAlone() throws IOException {
        StreamClient client = new StreamClient(base);
        String cookie = client.get("?token=" + TOKEN).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<InputStream> stream = client.open("stream.gif", "Cookie", cookie);
        assertEquals(200, stream.statusCode());
        try (InputStream body = stream.body()) {
            new GifStreamReader(body).nextFrame();
        }
        assertEquals(200, client.send("status", "Cookie", cookie).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.send("snapshot.gif", "Cookie", cookie).statusCode() == 200);
    }

    @Test
    void imagesAskProxiesNotToTransformThem() {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get("snapshot.gif?token=" + TOKEN).statusCode() == 200);
        for (String path : List.of("snapshot.gif?token=" + TOKEN, "stream.gif?token=" + TOKEN)) {
            String cacheControl = client.head(path).headers().firstValue("Cache-Control").orElseThrow();
            assertEquals(Set.of("no-cache", "no-store", "no-transform"), Set.of(cacheControl.split(",\\s*")), path);
        }
    }

    @Test
    void healthAnswersWithoutTheTokenAndTellsOnlyWhetherFramesArrive() {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get("health").statusCode() == 200);
        HttpResponse<byte[]> health = client.get("health");
        assertEquals("ok\n", new String(health.body(), StandardCharsets.UTF_8));
        assertEquals("no-store", health.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(health.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void statusShowsStrangersOnlyWhatThePageNeeds() {
        JsonNode status = new StreamClient(base).statusWith(TOKEN);
        Set<String> fields = new TreeSet<>();
        status.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(List.of("live", "pageRecycleSeconds", "pollSeconds", "viewers")), fields);
        assertEquals(PollInterval.MIN_SECONDS, status.get("pollSeconds").asLong(), "few viewers: the page polls every 2 s");
    }

    @Test
    void statusShowsOperatorsTheSourceAndTheProcess() {
        JsonNode status = new StreamClient(operated).statusWith(TOKEN);
        for (String field : List.of("sourceLocation", "sourceState", "lastSkipReason", "heapUsedBytes",
                "liveThreads", "openFileDescriptors", "framesIngested", "viewers", "live", "pageRecycleSeconds", "pollSeconds")) {
            assertTrue(status.has(field), field);
        }
        assertEquals("running", status.get("sourceState").asText());
        assertTrue(status.get("heapUsedBytes").asLong() > 0);
    }

    @Test
    void pageCarriesSecurityHeaders() {
        HttpResponse<byte[]> page = new StreamClient(base).get("");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.endsWith("frame-ancestors 'self' https://intranet.example"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(page.headers().firstValue("Set-Cookie").isPresent(), "no cookie without a token");
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
        StreamClient client = new StreamClient(operated);
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

    private static String cookieValue(String token) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
