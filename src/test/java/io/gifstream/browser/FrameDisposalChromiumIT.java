package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.PaletteGifs;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream in headless Chromium, fed a full-screen red frame and then a small blue frame with
 * transparent rows, both files asking to be kept on screen ("do not dispose"): the small frame shows
 * only itself, on a black page; no red of the frame before shows around it or through it.
 * Screenshots stay in target/screenshots/chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrameDisposalChromiumIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium");
    private static final int SCREEN_WIDTH = 40;
    private static final int SCREEN_HEIGHT = 30;
    private static final int[] RED_AND_BLUE = {0xFF0000, 0x0000FF};
    private static final int RED = 0;
    private static final int BLUE = 1;
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-disposal");
        return TestWar.of("disposal", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.frames.grace-millis", "200"));
    }

    @Test
    void smallTransparentFrameAfterAFullFrameShowsNothingOfIt() throws IOException {
        byte[] fullRed = new byte[SCREEN_WIDTH * SCREEN_HEIGHT];
        Arrays.fill(fullRed, (byte) RED);
        byte[] blueRowsAndClearRows = new byte[16 * 12];
        for (int i = 0; i < blueRowsAndClearRows.length; i++) {
            blueRowsAndClearRows[i] = (byte) ((i / 16) % 3 == 1 ? RED : BLUE);
        }
        FrameProducer producer = new FrameProducer(frames, List.of(
                PaletteGifs.still(SCREEN_WIDTH, SCREEN_HEIGHT, 0, 0, SCREEN_WIDTH, SCREEN_HEIGHT,
                        RED_AND_BLUE, fullRed, -1, "doNotDispose"),
                PaletteGifs.still(SCREEN_WIDTH, SCREEN_HEIGHT, 10, 8, 16, 12,
                        RED_AND_BLUE, blueRowsAndClearRows, RED, "doNotDispose")));

        StreamClient server = new StreamClient(base);
        producer.writeNext();
        await().atMost(Duration.ofSeconds(30)).until(() -> server.status().get("framesIngested").asLong() == 1);
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            // a bare image, not the page: the page may swap in a fresh connection, which would start
            // from the small frame alone and prove nothing
            browser.open(imagePage().toUri().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> count(shot(browser, "disposal-full"), this::red) > 0);
            producer.writeNext();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(shot(browser, "disposal-small"), this::blue) > 0);

            byte[] png = shot(browser, "disposal-small-shown");
            assertEquals(1, server.status().get("viewersJoined").asLong(), "both frames came on one connection");
            assertEquals(0, count(png, this::red),
                    "red pixels of the full frame show with the small one (disposal-small-shown.png)");
        }
    }

    private Path imagePage() throws IOException {
        Path page = Path.of("target/disposal-page/index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<!DOCTYPE html><body style=\"margin:0;background:#000\">"
                + "<img id=\"stream\" src=\"" + base + "stream.gif\" style=\"width:160px;image-rendering:pixelated\">");
        return page;
    }

    private static byte[] shot(HeadlessChromium browser, String name) {
        byte[] png = browser.screenshotOf("stream");
        Screenshots.save(png, SCREENSHOTS.resolve(name + ".png"));
        return png;
    }

    private static long count(byte[] png, IntPredicate colour) {
        return Arrays.stream(Screenshots.pixels(png)).filter(colour).count();
    }

    // colour management may shift a channel a little on its way to the screen
    private boolean red(int rgb) {
        return (rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) < 60;
    }

    private boolean blue(int rgb) {
        return (rgb >> 16 & 0xFF) < 60 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) > 200;
    }
}
