package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a preroll, a new viewer first gets the recent frames, oldest first, right after the header —
 * played fast (the shortest delay after the first), so that its browser reaches live at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrerollIT {
    private static final List<byte[]> MEDIUM = Fixtures.frames(Fixtures.MEDIUM);
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-preroll");
        return TestWar.of("preroll", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.preroll.seconds", "30"));
    }

    @Test
    void newViewerGetsTheRecentFramesInOrder() throws IOException {
        StreamClient client = new StreamClient(base);
        FrameProducer producer = new FrameProducer(frames, MEDIUM);
        for (int i = 0; i < 8; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("framesIngested").asLong() == 8);
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            for (int i = 0; i < 8; i++) {
                GifStreamReader.Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(2), stream::nextFrame);
                assertArrayEquals(Pixels.decode(MEDIUM.get(i)), Pixels.decode(frame.still()), "preroll frame " + i);
                if (i > 0) {
                    assertEquals(2, frame.delayCentiseconds(), "preroll frame " + i + " catches up");
                }
            }
        }
    }
}
