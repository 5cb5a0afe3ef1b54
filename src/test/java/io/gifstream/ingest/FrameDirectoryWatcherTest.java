package io.gifstream.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher on a real directory, with frames written in place the way ffmpeg writes them. */
class FrameDirectoryWatcherTest {
    private static final List<byte[]> FRAMES = Fixtures.frames(Fixtures.MEDIUM);
    private static final List<int[]> INPUTS = FRAMES.stream().map(Pixels::decode).toList();

    @TempDir
    Path root;

    private final List<StreamFrame> published = new CopyOnWriteArrayList<>();
    private static final int MAX_BYTES = 1 << 20;
    /** Longer than any await on a prompt frame: a frame that waited on the grace would fail that await. */
    private static final Duration LONG_GRACE = Duration.ofSeconds(10);

    private final FramePipeline pipeline = new FramePipeline(
            new FrameParser(new ParserLimits(MAX_BYTES, 1 << 20)), published::add, 10);
    private FrameDirectoryWatcher watcher;

    private FrameDirectoryWatcher watch(Path directory, int retain) {
        return watch(directory, retain, Duration.ofMillis(100));
    }

    private FrameDirectoryWatcher watch(Path directory, int retain, Duration grace) {
        watcher = new FrameDirectoryWatcher(directory, pipeline, retain, MAX_BYTES, grace, Duration.ofMillis(50));
        watcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.state().equals("starting"));
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private List<Integer> publishedFixtures() {
        return published.stream().map(f -> Pixels.indexOf(INPUTS, Pixels.decode(f.asStill()))).toList();
    }

    @Test
    void takesFramesInNumericOrder() {
        watch(root, 0);
        FrameProducer producer = new FrameProducer(root, FRAMES);
        for (int i = 0; i < 12; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 12);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), publishedFixtures(), "in9 before in10");
    }

    @Test
    void halfWrittenFrameIsPublishedOnlyOnceComplete() throws IOException {
        watch(root, 0, LONG_GRACE);
        Path file = root.resolve("in1.gif");
        byte[] frame = FRAMES.get(0);
        Files.write(file, Arrays.copyOf(frame, frame.length / 2));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(published::isEmpty);
        Files.write(file, Arrays.copyOfRange(frame, frame.length / 2, frame.length), java.nio.file.StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
        assertArrayEquals(INPUTS.get(0), Pixels.decode(published.get(0).asStill()));
        assertEquals(0, pipeline.framesSkipped());
    }

    @Test
    void brokenFrameIsSkippedWithItsReasonOnceALaterFrameIsComplete() throws IOException {
        watch(root, 0);
        FrameProducer producer = new FrameProducer(root, FRAMES);
        producer.write(1, FRAMES.get(0));
        producer.write(2, "GIF89a this is not a frame".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        producer.write(3, FRAMES.get(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
        assertEquals(List.of(0, 2), publishedFixtures());
        assertEquals(1, pipeline.framesSkipped());
        assertTrue(pipeline.lastSkipReason().startsWith("in2.gif: "), pipeline.lastSkipReason());
    }

    @Test
    void followsAProducerThatRestartsItsNumbering() {
        watch(root, 0);
        FrameProducer producer = new FrameProducer(root, FRAMES);
        for (int i = 0; i < 5; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 5);
        producer.write(1, FRAMES.get(7));
        producer.write(2, FRAMES.get(8));
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 7);
        assertEquals(List.of(0, 1, 2, 3, 4, 7, 8), publishedFixtures());
    }

    @Test
    void retentionDeletesOnlyOldFrameFiles() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "keep me");
        Files.writeString(root.resolve("in_x.gif"), "keep me");
        Files.writeString(root.resolve("other5.gif"), "keep me");
        watch(root, 3);
        FrameProducer producer = new FrameProducer(root, FRAMES);
        for (int i = 0; i < 8; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 8);
        assertEquals(Set.of("in6.gif", "in7.gif", "in8.gif", "notes.txt", "in_x.gif", "other5.gif"), names(root));
    }

    @Test
    void startsAtTheNewestFrameAlreadyPresent() {
        FrameProducer producer = new FrameProducer(root, FRAMES);
        for (int i = 0; i < 5; i++) {
            producer.writeNext();
        }
        watch(root, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
        producer.writeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
        assertEquals(List.of(4, 5), publishedFixtures());
    }

    @Test
    void missingDirectoryIsReportedAndPickedUpWhenItAppears() throws IOException {
        Path later = root.resolve("later");
        watch(later, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.state().equals("directory missing"));
        Files.createDirectory(later);
        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.state().equals("watching"));
        new FrameProducer(later, FRAMES).writeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
    }

    @Test
    void directoryDeletedAndRecreatedIsPickedUpAgain() throws IOException {
        Path directory = Files.createDirectory(root.resolve("frames"));
        watch(directory, 0);
        FrameProducer producer = new FrameProducer(directory, FRAMES);
        for (int i = 0; i < 3; i++) {
            producer.writeNext();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 3);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.state().equals("directory missing"));
        Files.createDirectory(directory);
        new FrameProducer(directory, FRAMES.subList(5, 6)).writeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 4);
        assertEquals(List.of(0, 1, 2, 5), publishedFixtures());
    }

    @Test
    void gapInNumberingIsNotWaitedFor() {
        watch(root, 0);
        FrameProducer producer = new FrameProducer(root, FRAMES);
        producer.write(1, FRAMES.get(0));
        producer.write(2, FRAMES.get(1));
        producer.write(5, FRAMES.get(4));
        producer.write(6, FRAMES.get(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 4);
        assertEquals(List.of(0, 1, 4, 5), publishedFixtures());
        assertEquals(0, pipeline.framesSkipped());
    }

    @Test
    void thousandsOfStaleFilesAtStartupAreHistoryAndTrimmedToTheRetention() throws IOException {
        FrameProducer producer = new FrameProducer(root, FRAMES);
        for (int i = 0; i < 3000; i++) {
            producer.writeNext();
        }
        watch(root, 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertEquals(List.of(producer.fixtureOf(3000)), publishedFixtures(), "only the newest is shown");
        await().atMost(Duration.ofSeconds(10)).until(() -> names(root).size() <= 101);
        producer.writeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
        assertTrue(names(root).contains("in3001.gif"));
    }

    @Test
    void staleNewestFileAtStartupIsNotShownAsLive() throws IOException {
        FrameProducer producer = new FrameProducer(root, FRAMES);
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (int i = 0; i < 3; i++) {
            Files.setLastModifiedTime(root.resolve("in" + producer.writeNext() + ".gif"), anHourAgo);
        }
        watch(root, 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(published::isEmpty);
        producer.writeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
        assertEquals(List.of(3), publishedFixtures(), "the next new frame, not the hour-old one");
    }

    @Test
    void symbolicLinkIsSkippedWithItsReasonNeverFollowed() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Path frames = Files.createDirectory(root.resolve("frames"));
        Files.write(elsewhere.resolve("secret.gif"), FRAMES.get(5));
        watch(frames, 0);
        FrameProducer producer = new FrameProducer(frames, FRAMES);
        producer.write(1, FRAMES.get(0));
        Files.createSymbolicLink(frames.resolve("in2.gif"), elsewhere.resolve("secret.gif"));
        producer.write(3, FRAMES.get(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2 && pipeline.framesSkipped() == 1);
        assertEquals(List.of(0, 2), publishedFixtures(), "the link's target is never shown");
        assertTrue(pipeline.lastSkipReason().startsWith("in2.gif: not a regular file"), pipeline.lastSkipReason());
    }

    @Test
    void closeEndsTheIngestThread() {
        watch(root, 0);
        watcher.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("gifstream-ingest") && t.isAlive()));
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
