package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.NoiseFrames;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A producer that writes, between good ffmpeg frames, every kind of broken file: viewers still get a
 * valid stream of exactly the good frames, in order, and each bad file is logged once and counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileFramesIT {
    private static final List<byte[]> GOOD = Fixtures.frames(Fixtures.MEDIUM);
    private static final int MAX_BYTES = 20_000;
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-hostile");
        return TestWar.of("hostile", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.frames.max-bytes", String.valueOf(MAX_BYTES),
                "gifstream.frames.grace-millis", "200"));
    }

    /** The nine kinds of bad file, each different from every good frame. */
    private static List<byte[]> badFiles() throws IOException {
        byte[] good = GOOD.get(0);
        byte[] twoImages = twoImagesInOne(good);
        byte[] bitFlipped = good.clone();
        int separator = Fixtures.imageSeparatorOffset(good);
        bitFlipped[separator] ^= 0x01; // 0x2C becomes 0x2D: no block starts with that
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        byte[] overLimit = NoiseFrames.gifs(1, 200, 200, 3).get(0);
        assertTrue(overLimit.length > MAX_BYTES);
        return List.of(
                Arrays.copyOf(good, good.length * 2 / 5),       // truncated: never finished
                new byte[0],                                    // empty
                noise,                                          // noise
                png(),                                          // a PNG named .gif
                Arrays.copyOf(good, 13 + 768),                  // header and color table only
                Arrays.copyOf(good, good.length - 1),           // no trailer
                bitFlipped,                                     // bit flip in the block structure
                twoImages,                                      // two images in one file
                overLimit);                                     // over gifstream.frames.max-bytes
    }

    @Test
    void viewersGetExactlyTheGoodFramesAndEveryBadFileIsSkippedOnceWithItsReason() throws Exception {
        List<byte[]> bad = badFiles();
        byte[] gif87a = GOOD.get(10).clone();
        gif87a[4] = '7'; // "GIF87a": an older but valid version of a good frame
        List<byte[]> sequence = new ArrayList<>();
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            sequence.add(GOOD.get(i));
            expected.add(Pixels.decode(GOOD.get(i)));
            sequence.add(bad.get(i));
        }
        sequence.add(gif87a);
        expected.add(Pixels.decode(GOOD.get(10)));
        sequence.add(GOOD.get(11));
        expected.add(Pixels.decode(GOOD.get(11)));

        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger pipelineLog = Logger.getLogger("io.gifstream.ingest.FramePipeline");
        pipelineLog.addHandler(capture);

        StreamClient client = new StreamClient(base);
        try (InputStream body = client.open("stream.gif").body();
             FrameProducer producer = new FrameProducer(frames, sequence)) {
            producer.startAt(10, sequence.size());
            GifStreamReader stream = new GifStreamReader(body); // blocks until the first good frame
            for (int i = 0; i < expected.size(); i++) {
                GifStreamReader.Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame,
                        "waiting for good frame " + i);
                assertArrayEquals(expected.get(i), Pixels.decode(frame.still()), "good frame " + i);
            }
            producer.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("framesSkipped").asLong() == 9);
        } finally {
            pipelineLog.removeHandler(capture);
        }
        assertEquals(expected.size(), client.status().get("framesIngested").asLong());
        synchronized (warnings) {
            assertEquals(9, warnings.size(), String.join("\n", warnings));
            for (int i = 0; i < bad.size(); i++) {
                String name = "in" + (2 * i + 2) + ".gif: ";
                assertEquals(1, warnings.stream().filter(w -> w.contains(name)).count(), name + " logged once: " + warnings);
            }
            assertTrue(warnings.stream().anyMatch(w -> w.contains("over the " + MAX_BYTES + "-byte limit")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("second image")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("not a GIF")), warnings.toString());
        }
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The file with its image (extensions, descriptor, data) repeated before the trailer. */
    private static byte[] twoImagesInOne(byte[] file) {
        int firstBlock = 13 + 768; // ffmpeg's 256-entry global table
        byte[] body = Arrays.copyOfRange(file, firstBlock, file.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, file.length - 1);
        out.write(body, 0, body.length);
        out.write(0x3B);
        return out.toByteArray();
    }

}
