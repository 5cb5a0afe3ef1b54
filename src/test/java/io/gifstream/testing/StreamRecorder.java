package io.gifstream.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One viewer of an endless GIF on one connection, read on a thread of its own: every frame is kept
 * with the moment it arrived, and whatever breaks the stream (a second header, a bad block, the
 * response ending) is kept as its failure. {@link #close()} hangs up.
 */
public final class StreamRecorder implements AutoCloseable {
    /** A frame as a still GIF, and {@link System#nanoTime()} when it had arrived whole. */
    public record Arrival(long nanos, byte[] still) {
    }

    private final InputStream body;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread reading;
    private volatile boolean closed;
    private volatile Throwable failure;

    private StreamRecorder(InputStream body) {
        this.body = body;
        // a thread each: the common pool of a 2-core machine would run one blocking reader at a time
        this.reading = new Thread(this::read, "test-stream-recorder");
        this.reading.setDaemon(true);
        this.reading.start();
    }

    /** Opens {@code path} (which must answer 200 with image/gif) and starts reading it. */
    public static StreamRecorder open(StreamClient client, String path) {
        HttpResponse<InputStream> response = client.open(path);
        if (response.statusCode() != 200 || !"image/gif".equals(response.headers().firstValue("Content-Type").orElse(""))) {
            throw new AssertionError(path + " answered " + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("without a type"));
        }
        return new StreamRecorder(response.body());
    }

    private void read() {
        try {
            GifStreamReader stream = new GifStreamReader(body);
            while (true) {
                GifStreamReader.Item item = stream.next();
                if (item instanceof GifStreamReader.Frame frame) {
                    synchronized (arrivals) {
                        arrivals.add(new Arrival(System.nanoTime(), frame.still()));
                    }
                } else if (item instanceof GifStreamReader.Trailer) {
                    failure = new AssertionError("the stream ended with its trailer");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failure = e;
            }
        }
    }

    public int frameCount() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** What broke the stream before {@link #close()}, if anything did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The longest time between two frames that arrived (zero with fewer than two). */
    public Duration longestGap() {
        List<Arrival> all = arrivals();
        long longest = 0;
        for (int i = 1; i < all.size(); i++) {
            longest = Math.max(longest, all.get(i).nanos() - all.get(i - 1).nanos());
        }
        return Duration.ofNanos(longest);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        body.close();
        try {
            reading.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
