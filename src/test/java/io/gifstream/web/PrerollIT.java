package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a preroll, a new viewer first gets the recent frames, oldest first, right after the header —
 * played fast (the shortest delay after the first), so that its browser reaches live at once. A
 * viewer may ask for less ({@code ?preroll=0}: the page's fresh images), never for more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrerollIT {
    private static final List<byte[]> MEDIUM = Fixtures.frames(Fixtures.MEDIUM);
    private static Path frames;
    private static FrameProducer producer;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-preroll");
        producer = new FrameProducer(frames, MEDIUM);
        return TestWar.of("preroll", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.preroll.seconds", "30"));
    }

    @Test
    @Order(1)
    void newViewerGetsTheRecentFramesInOrder() throws IOException {
        StreamClient client = new StreamClient(base);
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

    @Test
    @Order(2)
    void aViewerAskingForNoPrerollStartsAtTheNewestFrame() throws IOException {
        StreamClient client = new StreamClient(base);
        producer.writeNext();
        producer.writeNext();
        long newest = producer.writeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("framesIngested").asLong() == newest);
        try (InputStream body = client.open("stream.gif?preroll=0").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            GifStreamReader.Frame first = assertTimeoutPreemptively(Duration.ofSeconds(2), stream::nextFrame);
            assertArrayEquals(Pixels.decode(MEDIUM.get(producer.fixtureOf(newest))), Pixels.decode(first.still()));
            producer.writeNext();
            GifStreamReader.Frame next = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame);
            assertArrayEquals(Pixels.decode(MEDIUM.get(producer.fixtureOf(newest + 1))), Pixels.decode(next.still()),
                    "then the next live frame, no history");
        }
    }

    @Test
    @Order(3)
    void aPrerollOutsideZeroToTheConfiguredOneIsABadRequest() {
        StreamClient client = new StreamClient(base);
        long joined = client.status().get("viewersJoined").asLong();
        for (String preroll : List.of("abc", "-1", "31", "1e3", "")) {
            var response = client.get("stream.gif?preroll=" + preroll);
            assertEquals(400, response.statusCode(), "preroll=" + preroll);
            assertTrue(new String(response.body(), StandardCharsets.UTF_8)
                    .contains("preroll must be a number of seconds from 0 to 30"), "preroll=" + preroll);
        }
        assertEquals(joined, client.status().get("viewersJoined").asLong(), "no viewer joined");
    }
}
