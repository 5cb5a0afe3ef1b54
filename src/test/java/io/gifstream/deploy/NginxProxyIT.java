package io.gifstream.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.GifStreamReader;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Viewers behind a stock Debian nginx that only has {@code proxy_pass} for {@code /live/} in front of
 * the stock Jetty: nginx's default buffering and 60-second read timeout, nothing tuned.
 */
class NginxProxyIT extends ContainerContract {
    private ContainerProcess nginx;

    NginxProxyIT() {
        super(new JettyIT.Jetty());
    }

    @Override
    URL viewerBase(int containerPort) throws Exception {
        Path prefix = Files.createDirectories(work().resolve("nginx"));
        int port = ContainerProcess.freePort();
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location /live/ { proxy_pass http://127.0.0.1:%3$d/; }
                    }
                }
                """.formatted(prefix, port, containerPort);
        Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.US_ASCII);
        nginx = ContainerProcess.start(prefix, prefix.resolve("nginx.out"), List.of(
                "/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;"));
        return new URL("http://127.0.0.1:" + port + "/live/");
    }

    @AfterAll
    void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    @Order(4)
    void aSeventySecondPauseInFramesDoesNotEndTheStreamThroughTheProxy() throws Exception {
        try (InputStream body = client().open("stream.gif").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            stream.nextFrame();
            pauseFrames();
            long pauseStart = System.nanoTime();
            int comments = 0;
            // through the pause, only keep-alive comments; nginx would cut a silent upstream after 60 s
            while (System.nanoTime() - pauseStart < Duration.ofSeconds(70).toNanos()) {
                GifStreamReader.Item item = assertTimeoutPreemptively(Duration.ofSeconds(10), stream::next,
                        "nothing through the proxy for 10 s");
                if (item instanceof GifStreamReader.Comment) {
                    comments++;
                }
                assertTrue(!(item instanceof GifStreamReader.Trailer), "the stream ended during the pause");
            }
            assertTrue(comments >= 12, "keep-alive comments during 70 s: " + comments);
            resumeFrames();
            GifStreamReader.Frame after = assertTimeoutPreemptively(Duration.ofSeconds(10), stream::nextFrame,
                    "frames after the pause, on the same connection");
            assertTrue(after.delayCentiseconds() >= 9 && after.delayCentiseconds() <= 11, "delay " + after.delayCentiseconds());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> client().status().get("framesIngested").asLong() > 0);
    }

    @Test
    @Order(5)
    void pageWorksUnderThePrefix() {
        String page = new String(client().get("").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("viewer.js"), page);
        assertEquals(200, client().get("viewer.js").statusCode());
        assertEquals(200, client().get("viewer.css").statusCode());
    }
}
