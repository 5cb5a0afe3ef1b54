package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.BadFrames;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A producer that writes, between good ffmpeg frames and then all in one run, every kind of broken
 * file: viewers still get a valid stream of exactly the good frames, in order and each without waiting
 * on the grace, and each bad file is counted and logged once (at FINE; one warning in all).
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
                // longer than any wait for a good frame below: a good frame held back by the grace fails the test
                "gifstream.frames.grace-millis", "10000"));
    }

    @Test
    void viewersGetExactlyTheGoodFramesAndEveryBadFileIsSkippedOnceWithItsReason() throws Exception {
        Map<String, byte[]> bad = BadFrames.of(GOOD.get(0), MAX_BYTES);
        byte[] gif87a = GOOD.get(10).clone();
        gif87a[4] = '7'; // "GIF87a": an older but valid version of a good frame
        List<byte[]> sequence = new ArrayList<>();
        List<int[]> expected = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        int good = 0;
        for (byte[] file : bad.values()) { // every bad file between two good ones
            sequence.add(GOOD.get(good));
            expected.add(Pixels.decode(GOOD.get(good++)));
            badNames.add("in" + (sequence.size() + 1) + ".gif: ");
            sequence.add(file);
        }
        sequence.add(gif87a);
        expected.add(Pixels.decode(GOOD.get(10)));
        List<String> mixed = List.of("truncated", "png", "empty", "65535x65535 screen", "no trailer",
                "two images", "header only", "noise", "flipped bit", "over the byte limit");
        for (String kind : mixed) { // then all of them in one run, unfinished ones among the broken
            badNames.add("in" + (sequence.size() + 1) + ".gif: ");
            sequence.add(bad.get(kind));
        }
        sequence.add(GOOD.get(11));
        expected.add(Pixels.decode(GOOD.get(11)));

        List<LogRecord> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(record);
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
        pipelineLog.setLevel(Level.FINE); // every skip is logged at FINE; warnings are at most a line a minute

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
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> client.status().get("framesSkipped").asLong() == badNames.size());
        } finally {
            pipelineLog.removeHandler(capture);
            pipelineLog.setLevel(null);
        }
        assertEquals(expected.size(), client.status().get("framesIngested").asLong());
        synchronized (lines) {
            List<String> skips = lines.stream().filter(r -> r.getLevel() == Level.FINE)
                    .map(LogRecord::getMessage).toList();
            List<String> warnings = lines.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(LogRecord::getMessage).toList();
            assertEquals(1, warnings.size(), "the first skip only, then quiet: " + warnings);
            assertTrue(warnings.get(0).contains(badNames.get(0)), warnings.toString());
            assertEquals(badNames.size(), skips.size(), String.join("\n", skips));
            for (String name : badNames) {
                assertEquals(1, skips.stream().filter(w -> w.contains(name)).count(), name + " logged once: " + skips);
            }
            for (String reason : List.of("over the " + MAX_BYTES + "-byte limit", "second image", "not a GIF",
                    "65535x65535 is over the")) {
                assertTrue(skips.stream().anyMatch(w -> w.contains(reason)), reason + " in " + skips);
            }
        }
    }
}
