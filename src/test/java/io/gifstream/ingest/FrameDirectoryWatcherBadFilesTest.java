package io.gifstream.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.BadFrames;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.Pixels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of bad frame files of every kind, written in place into a real directory: they cost the stream
 * only themselves. The grace is 10 s and every await on a good frame is 3 s, so a good frame that
 * waited on the grace behind a bad file fails the test by construction, whatever the machine's speed.
 */
class FrameDirectoryWatcherBadFilesTest {
    private static final List<byte[]> FRAMES = Fixtures.frames(Fixtures.MEDIUM);
    private static final List<int[]> INPUTS = FRAMES.stream().map(Pixels::decode).toList();
    private static final int MAX_BYTES = 1 << 20;
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final Map<String, byte[]> BAD = BadFrames.of(FRAMES.get(0), MAX_BYTES);
    private static final List<String> NEVER_FRAMES = List.of("noise", "png", "flipped bit", "two images",
            "65535x65535 screen", "over the byte limit");

    @TempDir
    Path root;

    private final List<StreamFrame> published = new CopyOnWriteArrayList<>();
    private final FramePipeline pipeline = new FramePipeline(
            new FrameParser(new ParserLimits(MAX_BYTES, 1 << 20)), published::add, 10);
    private FrameProducer files;
    private FrameDirectoryWatcher watcher;
    private long next = 1;

    private void watch(Duration grace) {
        files = new FrameProducer(root, FRAMES);
        watcher = new FrameDirectoryWatcher(root, pipeline, 0, MAX_BYTES, grace, Duration.ofMillis(50));
        watcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.state().equals("watching"));
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void writeGood(int fixture) {
        files.write(next++, FRAMES.get(fixture));
    }

    private void writeBad(String kind) {
        files.write(next++, BAD.get(kind));
    }

    private List<Integer> publishedFixtures() {
        return published.stream().map(f -> Pixels.indexOf(INPUTS, Pixels.decode(f.asStill()))).toList();
    }

    private void awaitPromptly(int publishedFrames, long skippedFiles) {
        await().atMost(PROMPTLY).until(() -> published.size() == publishedFrames
                && pipeline.framesSkipped() == skippedFiles);
    }

    @Test
    void twoUnfinishedFilesInARowDoNotStopTheStream() {
        watch(GRACE);
        writeGood(0);
        writeBad("truncated");
        writeBad("truncated");
        for (int fixture = 3; fixture < 10; fixture++) {
            writeGood(fixture);
        }
        awaitPromptly(8, 2);
        assertEquals(List.of(0, 3, 4, 5, 6, 7, 8, 9), publishedFixtures());
    }

    @Test
    void fileThatCanNeverBeAFrameIsSkippedAtOnceEvenAsTheNewest() {
        watch(GRACE);
        writeGood(0);
        awaitPromptly(1, 0);
        int skipped = 0;
        for (String kind : NEVER_FRAMES) {
            writeBad(kind); // the newest file, nothing after it: no later frame ends any wait
            awaitPromptly(1, ++skipped);
            assertTrue(pipeline.lastSkipReason().startsWith("in" + (next - 1) + ".gif: "), kind);
        }
    }

    @Test
    void unfinishedNewestFileWaitsAtMostTheGrace() {
        watch(Duration.ofMillis(300));
        writeGood(0);
        writeBad("header only");
        await().atMost(Duration.ofSeconds(5)).until(() -> pipeline.framesSkipped() == 1);
        writeGood(2);
        awaitPromptly(2, 1);
    }

    @Test
    void runsOfBadFilesOfEveryKindCostOnlyThoseFiles() {
        watch(GRACE);
        List<Integer> expected = new ArrayList<>();
        writeGood(0);
        expected.add(0);
        for (String kind : BAD.keySet()) {
            writeBad(kind); // every kind in one run
        }
        writeGood(1);
        expected.add(1);
        awaitPromptly(2, BAD.size());
        for (String kind : List.of("png", "two images", "empty", "truncated", "header only")) {
            writeBad(kind); // a run at the newest end: the last three may still be being written, and wait
        }
        await().atMost(PROMPTLY).until(() -> pipeline.framesSkipped() == BAD.size() + 2);
        writeGood(2);
        expected.add(2);
        awaitPromptly(3, BAD.size() + 5); // the good frame ends the run at once
        for (String kind : List.of("two images", "empty", "65535x65535 screen", "truncated")) {
            writeBad(kind);
            writeGood(3);
            expected.add(3);
        }
        awaitPromptly(7, BAD.size() + 9);
        assertEquals(expected, publishedFixtures());
    }

    @Test
    void producerOfOnlyBadFilesLogsOneWarningAndOneLineWhenItRecovers() {
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
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
        Logger log = Logger.getLogger(FramePipeline.class.getName());
        log.addHandler(capture);
        try {
            watch(GRACE);
            writeGood(0);
            awaitPromptly(1, 0);
            for (int i = 0; i < 30; i++) {
                writeBad(NEVER_FRAMES.get(i % NEVER_FRAMES.size()));
            }
            awaitPromptly(1, 30);
            writeGood(1);
            awaitPromptly(2, 30);
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(2, lines.size(), lines.stream().map(LogRecord::getMessage).toList().toString());
        assertEquals(Level.WARNING, lines.get(0).getLevel());
        assertTrue(lines.get(0).getMessage().contains("in2.gif: "), lines.get(0).getMessage());
        assertTrue(lines.get(1).getMessage().startsWith("frames published again (29 more frames skipped"),
                lines.get(1).getMessage());
        assertEquals("in31.gif: ", pipeline.lastSkipReason().substring(0, 10), "every skip is still counted and shown");
    }
}
