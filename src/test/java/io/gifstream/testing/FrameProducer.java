package io.gifstream.testing;

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

/**
 * Writes frames into a directory the way ffmpeg's image2 muxer does with {@code -gifimage 1}: each
 * {@code in<N>.gif} is created in place and written in several pieces, so a watcher can see it
 * half-written. Frame N is the fixture {@code (N - 1) % count}.
 */
public final class FrameProducer implements AutoCloseable {
    private final Path directory;
    private final List<byte[]> frames;
    private final AtomicLong written = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-frame-producer");
        thread.setDaemon(true);
        return thread;
    });

    public FrameProducer(Path directory, List<byte[]> frames) {
        this.directory = directory;
        this.frames = frames;
    }

    /** Writes the next frames at the given rate until stopped. */
    public FrameProducer startAt(double framesPerSecond) {
        return startAt(framesPerSecond, Long.MAX_VALUE);
    }

    /** Writes {@code count} frames at the given rate, then stops by itself. */
    public FrameProducer startAt(double framesPerSecond, long count) {
        timer.scheduleAtFixedRate(() -> {
            if (written.get() < count) {
                writeNext();
            }
        }, 0, Math.round(1e6 / framesPerSecond), TimeUnit.MICROSECONDS);
        return this;
    }

    public void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the next frame now; returns its number. */
    public synchronized long writeNext() {
        long number = written.incrementAndGet();
        write(number, frames.get((int) ((number - 1) % frames.size())));
        return number;
    }

    public long framesWritten() {
        return written.get();
    }

    /** The index into the fixture list of frame {@code number}. */
    public int fixtureOf(long number) {
        return (int) ((number - 1) % frames.size());
    }

    /** Writes {@code in<number>.gif} in place, in three pieces, like a muxer flushing as it encodes. */
    public void write(long number, byte[] content) {
        Path file = directory.resolve("in" + number + ".gif");
        try (OutputStream out = Files.newOutputStream(file)) {
            int third = content.length / 3;
            out.write(content, 0, third);
            out.flush();
            out.write(content, third, third);
            out.flush();
            out.write(content, 2 * third, content.length - 2 * third);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
