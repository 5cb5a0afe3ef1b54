package io.gifstream.browser;

import static io.gifstream.testing.ChannelWall.tileIds;
import static io.gifstream.testing.ChannelWall.tileSource;
import static io.gifstream.testing.ChannelWall.tileWidth;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.MovingPicture;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.WebKitBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Channels in WebKit (Safari's engine): the wall of snapshots and a channel's live view, which plays
 * its {@code stills} (WebKit never animates an endless GIF). The server runs an ffmpeg channel beside
 * the demo pattern, so the wall has two tiles. Screenshots stay in target/screenshots/webkit-channels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsWebKitIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/webkit-channels");
    private static final Duration AWAIT = Duration.ofSeconds(30);
    private final Path work = Path.of("target/deploy/ChannelsWebKitIT").toAbsolutePath();
    private final int port = ContainerProcess.freePort();
    private ContainerProcess server;
    private WebKitBrowser browser;

    @BeforeAll
    void start() throws Exception {
        server = ContainerProcess.startJetty(work, port,
                "gifstream.channels.cam1.input=lavfi:testsrc=size=160x120:rate=10");
        browser = new WebKitBrowser(work);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void wallShowsRenewedSnapshotsAndAChannelPlaysItsStills() {
        browser.open(page());
        await("the wall's two tiles").atMost(AWAIT)
                .until(() -> tileWidth(browser, "default") == 320 && tileWidth(browser, "cam1") == 160);
        assertEquals(List.of("tile-default", "tile-cam1"), tileIds(browser));
        String first = tileSource(browser, "cam1");
        await("a renewed snapshot of cam1").atMost(AWAIT).until(() -> !tileSource(browser, "cam1").equals(first));
        Screenshots.save(browser.screenshotOf("wall"), SCREENSHOTS.resolve("wall.png"));

        browser.open(page() + "?channel=cam1");
        await("cam1 live").atMost(AWAIT).until(() -> browser.textOf("state").equals("live"));
        assertTrue(((String) script("return document.getElementById('stream').src;")).contains("streams/cam1/stills"));
        MovingPicture.awaitDistinct(browser, "stream", 5, SCREENSHOTS, "cam1-live");
    }

    private String page() {
        return "http://localhost:" + port + "/";
    }

    private Object script(String javaScript) {
        return browser.driver().executeScript(javaScript);
    }
}
