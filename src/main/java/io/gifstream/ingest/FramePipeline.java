package io.gifstream.ingest;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.SourceFrame;
import io.gifstream.gif.StreamFrame;
import io.gifstream.gif.StreamHeader;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The one path every frame takes, from any source: parse and validate the file, encode it once as a
 * stream frame (a new stream header when the screen size changes) and hand it on to the viewers.
 * Used by one source thread at a time.
 */
public final class FramePipeline {
    private static final Logger LOG = Logger.getLogger(FramePipeline.class.getName());

    private final FrameParser parser;
    private final Consumer<StreamFrame> viewers;
    private final FrameDelays delays;
    private final RateMeter rate = new RateMeter(20);
    private final ThrottledWarning skipWarnings = new ThrottledWarning(LOG, Duration.ofMinutes(1),
            "skipping frame", "frames skipped", "frames published again");
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile String lastSkipReason;
    private volatile long lastPublishNanos;
    private StreamHeader header;

    /** @param viewers where encoded frames go: the broadcaster's {@code publish} */
    FramePipeline(FrameParser parser, Consumer<StreamFrame> viewers, double framesPerSecond) {
        this.parser = parser;
        this.viewers = viewers;
        this.delays = new FrameDelays(framesPerSecond);
    }

    ParseResult parse(byte[] file) {
        return parser.parse(file);
    }

    void publish(SourceFrame frame) {
        if (header == null || !header.fits(frame)) {
            header = StreamHeader.of(frame);
        }
        long now = System.nanoTime();
        viewers.accept(StreamFrame.encode(header, frame, delays.next(now)));
        lastPublishNanos = now;
        ingested.incrementAndGet();
        rate.tick(now);
        skipWarnings.succeeded(now);
    }

    /** Counts a frame that will never be sent and logs it, at most a line a minute while skips go on. */
    void skip(String name, FrameRejected rejection) {
        skip(name, rejection.describe());
    }

    void skip(String name, String reason) {
        String line = name + ": " + reason;
        lastSkipReason = line;
        skipped.incrementAndGet();
        skipWarnings.occurred(line, System.nanoTime());
    }

    long framesIngested() {
        return ingested.get();
    }

    long framesSkipped() {
        return skipped.get();
    }

    String lastSkipReason() {
        return lastSkipReason;
    }

    /** Seconds since the newest frame went to the viewers, or -1 before the first. */
    double secondsSinceLastFrame() {
        return ingested.get() == 0 ? -1 : (System.nanoTime() - lastPublishNanos) / 1e9;
    }

    double fps() {
        return rate.perSecond(System.nanoTime());
    }
}
