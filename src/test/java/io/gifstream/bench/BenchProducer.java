package io.gifstream.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes real ffmpeg frames in place ({@code in<N>.gif}, as ffmpeg's {@code -f image2 -gifimage 1}
 * does) at a fixed rate and notes the moment each file is closed in a {@link FrameClock}.
 */
final class BenchProducer implements AutoCloseable {
    private final Path directory;
    private final List<byte[]> frames;
    private final long[] crcs;
    private final FrameClock clock;
    private final AtomicLong written = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-producer");
        thread.setDaemon(true);
        return thread;
    });

    BenchProducer(Path directory, List<byte[]> frames, FrameClock clock) {
        this.directory = directory;
        this.frames = frames;
        this.clock = clock;
        this.crcs = frames.stream().mapToLong(GifFrameScanner::crcOf).toArray();
    }

    static List<byte[]> fixtures(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("in\\d+\\.gif"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .map(p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(2, name.length() - 4));
    }

    void start(double framesPerSecond) {
        timer.scheduleAtFixedRate(this::writeNext, 0, Math.round(1e9 / framesPerSecond), TimeUnit.NANOSECONDS);
    }

    long framesWritten() {
        return written.get();
    }

    private void writeNext() {
        long number = written.get() + 1;
        int index = (int) ((number - 1) % frames.size());
        byte[] content = frames.get(index);
        try (OutputStream out = Files.newOutputStream(directory.resolve("in" + number + ".gif"))) {
            int half = content.length / 2;
            out.write(content, 0, half);
            out.flush();
            out.write(content, half, content.length - half);
            // noted before close() returns: the watcher may publish, and a viewer receive, the complete
            // file before this thread gets to run again
            clock.closed(crcs[index], System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    /** Stops writing; returns once a file being written is complete, so none is left half-written. */
    @Override
    public void close() {
        timer.shutdown(); // not shutdownNow: an interrupt would cut the file being written
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
