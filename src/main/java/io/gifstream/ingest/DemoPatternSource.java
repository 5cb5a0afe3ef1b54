package io.gifstream.ingest;

import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.SourceFrame;
import java.time.Clock;
import java.time.LocalTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The source used when no frame directory is configured: a live {@link TestPattern} at the
 * configured rate. Its frames take the same path as a producer's files (written as GIF, parsed,
 * validated), so the demo exercises the real pipeline.
 */
final class DemoPatternSource implements FrameSource {
    private static final Logger LOG = Logger.getLogger(DemoPatternSource.class.getName());

    private final FramePipeline pipeline;
    private final double framesPerSecond;
    private final Clock clock;
    private final TestPattern pattern = new TestPattern();
    private final ScheduledExecutorService timer;
    private long frameNumber;

    DemoPatternSource(FramePipeline pipeline, double framesPerSecond, Clock clock) {
        this.pipeline = pipeline;
        this.framesPerSecond = framesPerSecond;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gifstream-demo");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        LOG.info("no frame directory configured (gifstream.frames.dir): streaming the built-in test pattern");
        long period = Math.round(1e9 / framesPerSecond);
        timer.scheduleAtFixedRate(this::produce, 0, period, TimeUnit.NANOSECONDS);
    }

    private void produce() {
        try {
            byte[] file = pattern.render(frameNumber++, LocalTime.now(clock)).toGif();
            ParseResult result = pipeline.parse(file);
            if (result instanceof SourceFrame frame) {
                pipeline.publish(frame);
            } else {
                pipeline.skip("demo frame " + frameNumber, (FrameRejected) result);
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the demo alive
            LOG.log(Level.SEVERE, "demo frame " + frameNumber + " failed", e);
        }
    }

    @Override
    public String kind() {
        return "demo";
    }

    @Override
    public String location() {
        return "test pattern " + TestPattern.WIDTH + "x" + TestPattern.HEIGHT;
    }

    @Override
    public String state() {
        return timer.isShutdown() ? "stopped" : "running";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
