package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real WAR in embedded Jetty, fed by an ffmpeg-like producer at 10 fps, read over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveStreamIT {
    private static final List<int[]> INPUTS = Pixels.decodeFrames(Fixtures.folder(Fixtures.MEDIUM));
    private static Path frames;
    private static FrameProducer producer;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-live");
        return TestWar.of("live", java.util.Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.frames.grace-millis", "200"));
    }

    @BeforeEach
    void producing() {
        if (producer == null) {
            producer = new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10);
        }
    }

    @AfterAll
    static void stopProducing() {
        producer.stop();
    }

    /** StreamFrame.MIN_DELAY_CENTISECONDS (the integration tests see the application over HTTP only). */
    private static final int CATCH_UP_DELAY = 2;

    @Test
    void viewerGetsHeaderFirstThenPixelExactFramesInOrder() throws IOException {
        StreamClient client = new StreamClient(base);
        HttpResponse<InputStream> response = client.open("stream.gif");
        try (InputStream body = response.body()) {
            GifStreamReader stream = new GifStreamReader(body);
            assertEquals(320, stream.width());
            assertEquals(240, stream.height());
            assertTrue(stream.loopsForever());
            int previous = -1;
            int atProducerRate = 0;
            for (int i = 0; i < 25; i++) {
                GifStreamReader.Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame);
                int index = Pixels.indexOf(INPUTS, Pixels.decode(frame.still()));
                assertTrue(index >= 0, "frame " + i + " is not pixel-identical to any input frame");
                if (previous >= 0) {
                    assertEquals((previous + 1) % INPUTS.size(), index, "frame " + i + " out of order");
                }
                // the producer's 10 fps, as measured: 10 cs, or 9 or 11 where the measured interval's
                // fraction is paid back; or the catch-up delay, for a frame that reached this viewer
                // right behind another (a busy machine publishes frames in bursts)
                int delay = frame.delayCentiseconds();
                boolean producerRate = delay >= 9 && delay <= 11;
                assertTrue(producerRate || delay == CATCH_UP_DELAY, "delay " + delay);
                atProducerRate += producerRate ? 1 : 0;
                previous = index;
            }
            assertTrue(atProducerRate > 25 / 2, atProducerRate + " of 25 frames at the producer's rate");
        }
    }

    @Test
    void streamResponseIsUncachedUnbufferedAndOpenEnded() throws IOException {
        HttpResponse<InputStream> response = new StreamClient(base).open("stream.gif");
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            assertEquals("image/gif", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-cache, no-store, no-transform", response.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElseThrow());
            assertFalse(response.headers().firstValue("Content-Length").isPresent());
        }
    }

    @Test
    void snapshotIsACompleteStillOfAnInputFrame() {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("snapshot.gif").statusCode() == 200);
        HttpResponse<byte[]> snapshot = client.get("snapshot.gif");
        assertEquals("image/gif", snapshot.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(0x3B, snapshot.body()[snapshot.body().length - 1], "ends with the GIF trailer");
        assertTrue(Pixels.indexOf(INPUTS, Pixels.decode(snapshot.body())) >= 0);

        HttpResponse<Void> head = client.head("snapshot.gif");
        assertEquals(200, head.statusCode());
        assertEquals("image/gif", head.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, client.head("stream.gif").statusCode());
    }

    @Test
    void statusReportsSourceSizeAndCounters() {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("framesIngested").asLong() > 3);
        JsonNode status = client.status();
        assertEquals("directory", status.get("source").asText());
        assertEquals(frames.toString(), status.get("sourceLocation").asText());
        assertEquals("watching", status.get("sourceState").asText());
        assertEquals(320, status.get("width").asInt());
        assertEquals(240, status.get("height").asInt());
        assertEquals(0, status.get("framesSkipped").asInt());
        assertTrue(status.get("ingestFps").asDouble() > 0);
        for (String field : List.of("viewers", "framesSent", "framesDropped", "bytesSent", "uptimeSeconds")) {
            assertTrue(status.has(field), field);
        }
    }

    @Test
    void viewerThatLeavesIsRemovedAtOnce() throws IOException {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(20)).until(() -> client.status().get("viewers").asInt() == 0);
        HttpResponse<InputStream> response = client.open("stream.gif");
        try (InputStream body = response.body()) {
            new GifStreamReader(body).nextFrame();
            assertEquals(1, client.status().get("viewers").asInt());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("viewers").asInt() == 0);
    }

    @Test
    void everyViewerGetsTheSameFrameBytes() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream first = client.open("stream.gif").body();
             InputStream second = client.open("stream.gif").body()) {
            GifStreamReader a = new GifStreamReader(first);
            GifStreamReader b = new GifStreamReader(second);
            byte[] fromA = image(a.nextFrame());
            byte[] fromB = image(b.nextFrame());
            // align: the two viewers may have joined one frame apart
            for (int i = 0; i < 3 && !Arrays.equals(fromA, fromB); i++) {
                if (Pixels.indexOf(INPUTS, Pixels.decode(fromA)) == (Pixels.indexOf(INPUTS, Pixels.decode(fromB)) + 1) % INPUTS.size()) {
                    fromB = image(b.nextFrame());
                } else {
                    fromA = image(a.nextFrame());
                }
            }
            assertArrayEquals(fromA, fromB);
            assertArrayEquals(image(a.nextFrame()), image(b.nextFrame()));
            assertNotEquals(0, fromA.length);
        }
    }

    /**
     * A frame without its delay: viewers share every byte of a frame except the delay, which is the
     * catch-up one for a viewer whose browser is behind (two copies, both encoded once).
     */
    private static byte[] image(GifStreamReader.Frame frame) {
        byte[] still = frame.still().clone();
        still[13 + 4] = 0; // the Graphic Control Extension follows the 13-byte screen; bytes 4 and 5 are the delay
        still[13 + 5] = 0;
        return still;
    }
}
