package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.MovingPicture;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The producer switches to another frame size while the page plays, in headless Chromium. The
 * server ends the stream the page is showing (its last picture stays), and no browser tells the
 * page; the page's next fresh connection ({@code gifstream.page.recycle-seconds}) brings the new
 * picture. Screenshots stay in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewFrameSizeIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium-new-size");
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-new-size");
        return TestWar.of("newsize", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.page.recycle-seconds", "10"));
    }

    @Test
    void pageShowsTheNewFrameSizeAfterItsNextFreshConnection() throws Exception {
        List<byte[]> small = Fixtures.frames(Fixtures.SMALL);
        List<byte[]> medium = Fixtures.frames(Fixtures.MEDIUM);
        AtomicLong written = new AtomicLong();
        AtomicReference<List<byte[]>> current = new AtomicReference<>(small);
        FrameProducer files = new FrameProducer(frames, List.of()); // writes the files the way ffmpeg does
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        producer.scheduleAtFixedRate(() -> {
            long number = written.incrementAndGet();
            List<byte[]> fixtures = current.get();
            files.write(number, fixtures.get((int) (number % fixtures.size())));
        }, 0, 100, TimeUnit.MILLISECONDS);
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            browser.open(base.toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> widthOnScreen(browser) == 159);

            current.set(medium);
            // the next fresh connection comes within 10 s
            await().atMost(Duration.ofSeconds(25)).until(() -> widthOnScreen(browser) == 320);
            MovingPicture.awaitDistinct(browser, "stream", 6, SCREENSHOTS, "medium");
            assertEquals(320, widthOnScreen(browser));
            assertEquals("live", browser.textOf("state"));
        } finally {
            producer.shutdownNow();
            files.close();
        }
    }

    private static int widthOnScreen(HeadlessChromium browser) {
        return Integer.parseInt(browser.evaluate("document.getElementById('stream').naturalWidth"));
    }
}
