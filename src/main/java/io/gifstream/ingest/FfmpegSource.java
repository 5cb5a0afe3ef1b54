package io.gifstream.ingest;

import io.gifstream.config.ChannelInput;
import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.GifSequenceException;
import io.gifstream.gif.GifSequenceReader;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.SourceFrame;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs ffmpeg for one channel and feeds every GIF it writes to stdout into the {@link FramePipeline}
 * (which validates and publishes, or skips, as for frame files). When ffmpeg exits, for any reason, it
 * is started again after a {@link RestartBackoff}. Its stderr is drained on a thread of its own and
 * logged at a bounded rate; a {@link StallWatchdog} restarts an ffmpeg that writes no frame for a while
 * (a camera that went silent without closing the connection). {@link #close()} kills ffmpeg and joins
 * the source's threads: nothing outlives it.
 */
final class FfmpegSource implements FrameSource {
    private static final Logger LOG = Logger.getLogger(FfmpegSource.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** How long ffmpeg may run without writing a frame before it counts as hung and is restarted. */
    static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(20);

    private final String channel;
    private final List<String> command;
    private final String location;
    private final FramePipeline pipeline;
    private final ParserLimits limits;
    private final RestartBackoff backoff;
    private final Duration stallTimeout;
    private final ThrottledWarning stderrLog;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object processLock = new Object();
    private Process process;              // guarded by processLock
    private volatile boolean running;
    private volatile String state = "starting";
    private volatile long starts;

    FfmpegSource(ChannelInput input, String ffmpegPath, FramePipeline pipeline, ParserLimits limits) {
        this(input.name(), FfmpegCommand.of(ffmpegPath, input), input.displayedInput(), pipeline, limits,
                RestartBackoff.DEFAULT.copy(), DEFAULT_STALL_TIMEOUT);
    }

    /** @param location what status shows as the source: never a password the command may carry */
    FfmpegSource(String channel, List<String> command, String location, FramePipeline pipeline, ParserLimits limits,
                 RestartBackoff backoff, Duration stallTimeout) {
        this.channel = channel;
        this.command = List.copyOf(command);
        this.location = location;
        this.pipeline = pipeline;
        this.limits = limits;
        this.backoff = backoff;
        this.stallTimeout = stallTimeout;
        this.stderrLog = new ThrottledWarning(LOG, Duration.ofMinutes(1), "ffmpeg of channel " + channel,
                "ffmpeg lines of channel " + channel, "ffmpeg of channel " + channel + " quiet again");
        this.thread = new Thread(this::run, "gifstream-ffmpeg-" + channel);
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public String kind() {
        return "ffmpeg";
    }

    @Override
    public String location() {
        return location;
    }

    /** "starting", "running (pid 1234)", "restarting in 4 s: ffmpeg exited with 1: …" or "stopped". */
    @Override
    public String state() {
        return state;
    }

    /** The running ffmpeg's process id, if one runs. */
    OptionalLong pid() {
        synchronized (processLock) {
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }
    }

    /** How many times ffmpeg was started. */
    long starts() {
        return starts;
    }

    private void run() {
        try {
            while (running) {
                state = "starting";
                long startNanos = System.nanoTime();
                String ending = runOnce();
                if (!running) {
                    break;
                }
                Duration wait = backoff.afterRun(Duration.ofNanos(System.nanoTime() - startNanos));
                state = "restarting in " + RestartBackoff.describe(wait) + ": " + ending;
                LOG.warning("channel " + channel + ": " + ending + "; restarting in " + RestartBackoff.describe(wait));
                if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // close() was called
        } catch (RuntimeException e) {
            state = "failed: " + e;
            LOG.log(Level.SEVERE, "ffmpeg source of channel " + channel + " failed", e);
            return;
        }
        state = "stopped";
    }

    /** Runs ffmpeg once, to its end; returns why it ended. */
    private String runOnce() throws InterruptedException {
        Process started;
        synchronized (processLock) {
            if (!running) {
                return "stopped";
            }
            try {
                started = new ProcessBuilder(command).start();
            } catch (IOException e) {
                return "could not start ffmpeg: " + e.getMessage();
            }
            process = started;
            starts++;
        }
        state = "running (pid " + started.pid() + ")";
        LOG.info("channel " + channel + ": ffmpeg started (pid " + started.pid() + ") for " + location);
        FfmpegStderr stderr = new FfmpegStderr(started.getErrorStream(), stderrLog);
        Thread drain = new Thread(stderr, "gifstream-ffmpeg-" + channel + "-stderr");
        drain.setDaemon(true);
        drain.start();
        boolean ended = false;
        StallWatchdog watchdog = new StallWatchdog(stallTimeout, () -> stop(started),
                "gifstream-ffmpeg-" + channel + "-watchdog");
        try {
            String problem = readFrames(started, watchdog);
            watchdog.close();
            if (watchdog.fired()) {
                problem = "no frame from ffmpeg for " + RestartBackoff.describe(stallTimeout);
            } else if (problem != null) {
                stop(started);
            }
            int exit = started.waitFor();
            drain.join(); // ends with the pipe: the process is gone
            ended = true;
            String last = stderr.lastLine();
            String exited = "ffmpeg exited with " + exit + (last == null ? "" : ": " + last);
            return problem == null ? exited : problem + " (" + exited + ")";
        } finally {
            watchdog.close();
            if (!ended) {
                stop(started); // interrupted or failed while it ran: leave no ffmpeg behind
            }
            synchronized (processLock) {
                process = null;
            }
        }
    }

    /** Feeds every GIF to the pipeline until ffmpeg closes its output; returns why the stream broke, or null when it ended. */
    private String readFrames(Process ffmpeg, StallWatchdog watchdog) {
        try (InputStream out = ffmpeg.getInputStream()) {
            ffmpeg.getOutputStream().close();
            GifSequenceReader reader = new GifSequenceReader(out, limits);
            long number = 0;
            for (Optional<byte[]> gif = reader.next(); gif.isPresent(); gif = reader.next()) {
                number++;
                watchdog.fed();
                ParseResult result = pipeline.parse(gif.get());
                if (result instanceof SourceFrame frame) {
                    pipeline.publish(frame);
                } else {
                    pipeline.skip("ffmpeg frame " + number, (FrameRejected) result);
                }
            }
            return null;
        } catch (GifSequenceException e) {
            if (e.truncated()) {
                return null; // ffmpeg ended in the middle of a frame: its exit says why
            }
            return "ffmpeg's output is not a sequence of GIFs: " + e.getMessage();
        } catch (IOException e) {
            return "reading ffmpeg's output failed: " + e.getMessage();
        }
    }

    /** Asks ffmpeg to end, and kills it when it has not after a short wait. */
    private static void stop(Process target) {
        target.destroy();
        try {
            if (!target.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                target.destroyForcibly();
                target.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            target.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Process current;
        synchronized (processLock) {
            running = false;
            current = process;
        }
        stopped.countDown();
        if (current != null) {
            stop(current);
        }
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning("channel " + channel + ": ffmpeg source thread did not end within " + JOIN_TIMEOUT);
        }
    }
}
