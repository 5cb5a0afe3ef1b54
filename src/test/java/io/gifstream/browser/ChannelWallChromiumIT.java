package io.gifstream.browser;

import static io.gifstream.testing.ChannelWall.tileIds;
import static io.gifstream.testing.ChannelWall.tileSource;
import static io.gifstream.testing.ChannelWall.tileWidth;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.MovingPicture;
import io.gifstream.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The page in headless Chromium over three channels of frames in three sizes (the frame directory's
 * own files and two subdirectories): a wall of snapshot tiles, never an endless image, each renewed;
 * a click opens that channel's live view, which plays and leads back to the wall. Screenshots stay in
 * target/screenshots/channels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelWallChromiumIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/channels");
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private final Path work = Path.of("target/deploy/ChannelWallChromiumIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();
    private final List<FrameProducer> producers = new ArrayList<>();
    private ContainerProcess server;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        Path frames = Files.createTempDirectory("gifstream-wall");
        Files.createDirectory(frames.resolve("cam1"));
        Files.createDirectory(frames.resolve("cam2"));
        producers.add(new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10));
        producers.add(new FrameProducer(frames.resolve("cam1"), Fixtures.frames(Fixtures.SMALL)).startAt(10));
        producers.add(new FrameProducer(frames.resolve("cam2"), Fixtures.frames("640x360")).startAt(10));
        server = ContainerProcess.startJetty(work, port, "gifstream.frames.dir=" + frames,
                "gifstream.frames.rescan-millis=200");
        browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"));
    }

    @AfterAll
    void stop() throws Exception {
        producers.forEach(FrameProducer::stop);
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String page() {
        return "http://localhost:" + port + "/";
    }

    private Object script(String javaScript) {
        return browser.driver().executeScript(javaScript);
    }

    @Test
    void wallShowsEveryChannelAsRenewedSnapshotsAndAClickOpensItsLiveView() {
        browser.open(page());
        await().atMost(AWAIT).until(() -> tileWidth(browser, "default") == 320
                && tileWidth(browser, "cam1") == 159 && tileWidth(browser, "cam2") == 640);
        Screenshots.save(browser.screenshotOf("wall"), SCREENSHOTS.resolve("wall.png"));
        assertEquals(List.of("tile-default", "tile-cam1", "tile-cam2"), tileIds(browser));
        assertTrue(browser.textOf("tile-cam1").contains("live"), browser.textOf("tile-cam1"));

        String first = tileSource(browser, "cam1");
        await().atMost(AWAIT).until(() -> !tileSource(browser, "cam1").equals(first));
        String renewed = tileSource(browser, "cam1");
        assertTrue(renewed.contains("streams/cam1/snapshot.gif?t="), renewed);
        // snapshots only: an endless response per tile would hold the browser's six connections
        Object endless = script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                + ".filter(function (n) { return /stream\\.gif|stills/.test(n); }).length;");
        assertEquals(0L, ((Number) endless).longValue());

        browser.driver().findElement(By.id("tile-cam2")).click();
        await().atMost(AWAIT).until(() -> browser.currentUrl().endsWith("/?channel=cam2"));
        await().atMost(AWAIT).until(() -> browser.textOf("state").equals("live"));
        assertEquals(640L, ((Number) script("return document.getElementById('stream').naturalWidth;")).longValue());
        assertTrue(((String) script("return document.getElementById('stream').src;")).contains("streams/cam2/stills"));
        MovingPicture.awaitDistinct(browser, "stream", 5, SCREENSHOTS, "cam2-live");

        browser.driver().findElement(By.cssSelector("#back a")).click();
        await().atMost(AWAIT).until(() -> tileWidth(browser, "cam1") == 159);
    }

    @Test
    void addressWithAChannelOpensItsLiveViewDirectly() {
        browser.open(page() + "?channel=cam1");
        await().atMost(AWAIT).until(() -> browser.textOf("state").equals("live"));
        assertEquals(159L, ((Number) script("return document.getElementById('stream').naturalWidth;")).longValue());
        assertTrue((Boolean) script("return document.getElementById('wall').hidden;"));

        browser.open(page() + "?channel=nope");
        await().atMost(AWAIT).until(() -> browser.textOf("state").equals("no such channel"));
    }
}
