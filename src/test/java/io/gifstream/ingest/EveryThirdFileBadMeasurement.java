package io.gifstream.ingest;

import static org.awaitility.Awaitility.await;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.testing.BadFrames;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A measurement, not a test: a producer writes 80 frame files at 10 fps (8 s), every third one bad
 * (the kinds of {@link BadFrames} in turn), into a real directory watched with the default grace
 * (500 ms). Prints how many good frames were published by the time the last file was closed plus
 * one frame interval, how many in all, and how long each good frame took from its close to its publication.
 * Run with the test class path: {@code java -cp target/classes:target/test-classes:<deps> io.gifstream.ingest.EveryThirdFileBadMeasurement}.
 */
public final class EveryThirdFileBadMeasurement {
    private static final int FILES = 80;
    private static final int MAX_BYTES = 1 << 20;

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("gifstream-every-third-bad");
        List<byte[]> good = Fixtures.frames(Fixtures.MEDIUM);
        List<byte[]> bad = new ArrayList<>(BadFrames.of(good.get(0), MAX_BYTES).values());
        List<Long> publishedAt = new CopyOnWriteArrayList<>();
        FramePipeline pipeline = new FramePipeline(new FrameParser(new ParserLimits(MAX_BYTES, 1 << 24)),
                frame -> publishedAt.add(System.nanoTime()), 10);
        FrameDirectoryWatcher watcher = new FrameDirectoryWatcher(directory, pipeline, 0, MAX_BYTES,
                Duration.ofMillis(500), Duration.ofSeconds(1));
        watcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.state().equals("watching"));
        FrameProducer files = new FrameProducer(directory, good);
        List<Long> goodClosedAt = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        int[] next = {1};
        timer.scheduleAtFixedRate(() -> {
            int number = next[0]++;
            if (number > FILES) {
                return;
            }
            boolean isBad = number % 3 == 0;
            files.write(number, isBad ? bad.get((number / 3 - 1) % bad.size()) : good.get(number % good.size()));
            if (!isBad) {
                goodClosedAt.add(System.nanoTime());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        Thread.sleep(FILES * 100L + 100); // the measured window: the last file, plus one frame interval
        int publishedInRun = publishedAt.size();
        try { // code that waits on bad files publishes the rest late: count those too
            await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt.size() >= goodClosedAt.size());
        } catch (ConditionTimeoutException someNeverPublished) {
            // reported below as "in all"
        }
        timer.shutdownNow();
        watcher.close();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < Math.min(goodClosedAt.size(), publishedAt.size()); i++) {
            delays.add(TimeUnit.NANOSECONDS.toMillis(publishedAt.get(i) - goodClosedAt.get(i)));
        }
        List<Long> sorted = delays.stream().sorted().toList();
        System.out.printf("good frames written %d, published by the end of the run + 100 ms %d, in all %d;"
                        + " skipped %d; close-to-publish ms: median %d, max %d%n",
                goodClosedAt.size(), publishedInRun, publishedAt.size(), pipeline.framesSkipped(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.exit(0);
    }
}
