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
 * The stream over time, with frames written one by one by the test: a new viewer starts at the
 * newest frame, a pause brings keep-alive comments, a burst goes out at the shortest delay a browser
 * honours, a frame of another size ends current streams with the trailer and starts new ones with a
 * new header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamLifecycleIT {
    private static final List<byte[]> MEDIUM = Fixtures.frames(Fixtures.MEDIUM);
    private static final List<byte[]> SMALL = Fixtures.frames(Fixtures.SMALL);
    private static Path frames;
    private static FrameProducer producer;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-lifecycle");
        producer = new FrameProducer(frames, MEDIUM);
        return TestWar.of("lifecycle", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.keepalive.seconds", "1"));
    }

    private void writeAndAwaitIngest(long count) {
        StreamClient client = new StreamClient(base);
        long target = client.status().get("framesIngested").asLong() + count;
        for (int i = 0; i < count; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("framesIngested").asLong() == target);
    }

    @Test
    @Order(1)
    void newViewerStartsAtTheNewestFrameThenGetsKeepAlivesDuringAPause() throws IOException {
        StreamClient client = new StreamClient(base);
        assertEquals(503, client.get("snapshot.gif").statusCode(), "no frame yet");
        writeAndAwaitIngest(3);
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            GifStreamReader.Frame first = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame);
            assertArrayEquals(Pixels.decode(MEDIUM.get(2)), Pixels.decode(first.still()), "starts with frame 3");

            GifStreamReader.Item pause = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::next);
            assertEquals(new GifStreamReader.Comment("keep-alive"), pause);

            producer.writeNext();
            GifStreamReader.Frame fourth = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame);
            assertArrayEquals(Pixels.decode(MEDIUM.get(3)), Pixels.decode(fourth.still()));
        }
    }

    @Test
    @Order(2)
    void frameOfAnotherSizeEndsCurrentStreamsAndStartsANewOne() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader current = new GifStreamReader(body);
            assertEquals(320, current.width());
            current.nextFrame();

            writeAndAwaitIngest(12); // a burst, as from a producer catching up after a stall
            long newest = producer.writeNext();
            producer.write(newest + 1, SMALL.get(0)); // the producer switches to 159x97
            List<GifStreamReader.Item> ending = assertTimeoutPreemptively(Duration.ofSeconds(5), current::untilTrailer);
            GifStreamReader.Frame last = (GifStreamReader.Frame) ending.get(ending.size() - 2);
            assertEquals(65535, last.delayCentiseconds(), "the last picture stays: no replay of the history");
            assertArrayEquals(Pixels.decode(MEDIUM.get(producer.fixtureOf(newest))), Pixels.decode(last.still()),
                    "the newest 320x240 frame");
            assertEquals(-1, body.read(), "the response ends after the trailer");

            // browsers show a delay of 0 or 1 cs as 100 ms: the burst catches up at 2, never less
            List<Integer> delays = ending.stream().filter(GifStreamReader.Frame.class::isInstance)
                    .map(item -> ((GifStreamReader.Frame) item).delayCentiseconds()).toList();
            assertTrue(delays.stream().allMatch(delay -> delay >= 2), "delays " + delays);
            assertTrue(delays.contains(2), "the burst went out at the catch-up delay: " + delays);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("width").asInt() == 159);
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader next = new GifStreamReader(body);
            assertEquals(159, next.width());
            assertEquals(97, next.height());
            assertArrayEquals(Pixels.decode(SMALL.get(0)), Pixels.decode(next.nextFrame().still()));
        }
    }
}
