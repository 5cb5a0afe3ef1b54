package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.WebKitBrowser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stream in WebKit (the engine of Safari and of every iOS browser), as WebKitGTK's MiniBrowser shows
 * it. WebKit animates a GIF only once it has all of it, so the endless stream.gif stays on its first
 * picture there; /stills sends each frame as a complete still GIF in its own part of a
 * multipart/x-mixed-replace response, which WebKit shows part by part, in a plain {@code <img>} of any
 * page and in the product's page, which holds one connection while it plays. Screenshots stay in
 * target/screenshots/webkit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebKitPlaybackIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/webkit");
    private final Path work = Path.of("target/deploy/WebKitPlaybackIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();
    private final StreamClient client = new StreamClient(address("http://localhost:" + port + "/"));
    private ContainerProcess server;
    private HttpServer otherSite;
    private WebKitBrowser browser;

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        otherSite = pageWithOneImage();
        Files.createDirectories(work);
    }

    /**
     * A browser of its own for each test: WebKit may keep reading a stills image of a page it has left
     * (seen with MiniBrowser), so only ending the browser guarantees that the previous test's viewer is gone.
     */
    @BeforeEach
    void startBrowser() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 0);
        browser = new WebKitBrowser(work);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private ContainerProcess startServer() throws Exception {
        return ContainerProcess.startJetty(work, port, "gifstream.page.recycle-seconds=10");
    }

    /** Someone else's site: a page with nothing but {@code <img id="picture" src="?src">}. */
    private static HttpServer pageWithOneImage() throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String src = exchange.getRequestURI().getQuery().substring("src=".length());
            byte[] page = ("<!DOCTYPE html><html><body><img id=\"picture\" src=\"" + src + "\"></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        site.start();
        return site;
    }

    private String otherSitePageShowing(String path) {
        return "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/?src=http://localhost:" + port + "/" + path;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (otherSite != null) {
                otherSite.stop(0);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Screenshots of the element every 100 ms (or as fast as they come) for this long; how many differ. */
    private int distinctPictures(String id, Duration duration, String name) {
        return distinctPictures(id, duration, name, browser::screenshotOf);
    }

    private int distinctPictures(String id, Duration duration, String name, Function<String, byte[]> camera) {
        List<int[]> pictures = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(duration.plusSeconds(10)).until(() -> {
            byte[] png = camera.apply(id);
            Screenshots.save(png, SCREENSHOTS.resolve(name + "-" + pictures.size() + ".png"));
            pictures.add(Screenshots.pixels(png));
            return System.nanoTime() >= end;
        });
        Set<Integer> distinct = new HashSet<>();
        pictures.forEach(p -> distinct.add(Arrays.hashCode(p)));
        return distinct.size();
    }

    /**
     * A screenshot, or this test aborted when WebKit gives none within 10 s. Seen twice in CI after the
     * first picture was not painted either: WebKit then answers no screenshot at all, and there is
     * nothing to compare, which says nothing new about the engine's limit this test watches.
     */
    private byte[] screenshotOrAbort(String id) {
        CompletableFuture<byte[]> screenshot = CompletableFuture.supplyAsync(() -> browser.screenshotOf(id));
        try {
            return screenshot.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException hung) {
            return Assumptions.abort("WebKit gave no screenshot within 10 s (its page stuck on the endless GIF)");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the screenshot failed", failed.getCause());
        }
    }

    private long framesSent() {
        return client.status().get("framesSent").asLong();
    }

    @Test
    void endlessGifStaysOnItsFirstPictureInWebKit() {
        browser.open(otherSitePageShowing("stream.gif"));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 1);
        try {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> Screenshots.showsDemoPattern(browser.screenshotOf("picture")));
        } catch (ConditionTimeoutException neverPainted) {
            // seen about once in five CI runs: WebKit paints not even the first frame; it plays no more either
        }
        long sentBefore = framesSent();

        // this is the engine's limit /stills exists for: frames arrive, the picture does not move
        assertEquals(1, distinctPictures("picture", Duration.ofSeconds(3), "endless", this::screenshotOrAbort),
                "the endless GIF animates in WebKit now (endless-*.png): /stills may no longer be needed");
        assertTrue(framesSent() - sentBefore >= 10, "the stream did not flow while the picture stood still");
    }

    @Test
    void plainImageOfStillsAnimatesInSomeoneElsesPage() {
        browser.open(otherSitePageShowing("stills"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Screenshots.showsDemoPattern(browser.screenshotOf("picture")));

        int distinct = distinctPictures("picture", Duration.ofSeconds(5), "stills");
        assertTrue(distinct >= 10, "only " + distinct + " distinct pictures of <img src=stills> in 5 s (stills-*.png)");
    }

    @Test
    void pageAnimatesInWebKitEndsOnItsLastPictureAndRecoversAfterARestart() throws Exception {
        browser.open("http://localhost:" + port + "/");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.textOf("state").equals("live"));
        int live = distinctPictures("stream", Duration.ofSeconds(5), "live");
        assertTrue(live >= 10, "only " + live + " distinct pictures of the page in 5 s (live-*.png)");

        server.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.textOf("state").equals("live"));
        // the ended stream stays on its last picture: no broken-image icon, no blank
        assertEquals(1, distinctPictures("stream", Duration.ofSeconds(2), "ended"),
                "the picture moves after the stream ended (ended-*.png)");
        assertTrue(Screenshots.showsDemoPattern(browser.screenshotOf("stream")), "no picture after the stream ended");

        server = startServer();
        // the page retries at most every 3 s: live again within 5 s of the server being back
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.textOf("state").equals("live"));
        int recovered = distinctPictures("stream", Duration.ofSeconds(5), "recovered");
        assertTrue(recovered >= 10, "only " + recovered + " distinct pictures in 5 s after the restart (recovered-*.png)");
    }

    @Test
    void pageHoldsOneConnectionInWebKit() {
        browser.open("http://localhost:" + port + "/");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.textOf("state").equals("live"));
        // WebKit keeps reading an image the page has removed, even with its src taken away: a page that
        // drops a live connection for a fresh one (every 10 s here) would hold one more each time, and
        // at 6 connections to the host nothing new loads. One is live; a second only while swapping in.
        await().during(Duration.ofSeconds(25)).atMost(Duration.ofSeconds(30))
                .until(() -> client.status().get("viewers").asInt() <= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("viewers").asInt() == 1);
        assertEquals("live", browser.textOf("state"));
    }

    private static URL address(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
