package io.gifstream.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ChannelInput;
import io.gifstream.config.ChannelInput.FrameSize;
import io.gifstream.config.ChannelInput.Kind;
import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FfmpegSource with the real ffmpeg (Debian's, at /usr/bin/ffmpeg). */
class FfmpegSourceTest {
    private static final String FFMPEG = "/usr/bin/ffmpeg";
    private static final ParserLimits LIMITS = new ParserLimits(1 << 20, 1 << 20);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final AtomicInteger published = new AtomicInteger();
    private final FramePipeline pipeline = new FramePipeline(new FrameParser(LIMITS), frame -> published.incrementAndGet(), 10);
    private final List<FfmpegSource> sources = new ArrayList<>();

    @AfterEach
    void closeSources() {
        sources.forEach(FfmpegSource::close);
    }

    private static ChannelInput testsrc(String graph) {
        return new ChannelInput("test", graph, Kind.LAVFI, Optional.of(new FrameSize(64, 48)), 10, 32, false);
    }

    private FfmpegSource started(List<String> command, RestartBackoff backoff) {
        return started(command, backoff, FfmpegSource.DEFAULT_STALL_TIMEOUT);
    }

    private FfmpegSource started(List<String> command, RestartBackoff backoff, Duration stallTimeout) {
        FfmpegSource source = new FfmpegSource("test", command, "test source", pipeline, LIMITS, backoff, stallTimeout);
        sources.add(source);
        source.start();
        return source;
    }

    private FfmpegSource started(ChannelInput input, RestartBackoff backoff) {
        return started(FfmpegCommand.of(FFMPEG, input), backoff);
    }

    @Test
    void framesOfALavfiSourceArriveInThePipeline() {
        FfmpegSource source = new FfmpegSource(testsrc("testsrc=size=160x120:rate=10"), FFMPEG, pipeline, LIMITS);
        sources.add(source);
        source.start();
        await().atMost(PATIENCE).until(() -> pipeline.framesIngested() >= 5);
        assertEquals(0, pipeline.framesSkipped(), pipeline.lastSkipReason());
        assertTrue(source.state().matches("running \\(pid \\d+\\)"), source.state());
        assertEquals("ffmpeg", source.kind());
        assertEquals("lavfi:testsrc=size=160x120:rate=10", source.location());
    }

    @Test
    void loopingFilePlaysOnWithoutARestart() throws IOException, InterruptedException {
        Path clip = dir.resolve("clip.mp4"); // half a second: 5 frames at 10 fps
        Process make = new ProcessBuilder(FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "lavfi", "-i", "testsrc=size=96x64:rate=10:duration=0.5", "-c:v", "mpeg4", clip.toString())
                .inheritIO().start();
        assertEquals(0, make.waitFor());
        ChannelInput looping = new ChannelInput("clip", clip.toString(), Kind.FILE, Optional.empty(), 10, 64, true);
        FfmpegSource source = started(FfmpegCommand.of(FFMPEG, looping), RestartBackoff.DEFAULT.copy());
        await().atMost(PATIENCE).until(() -> pipeline.framesIngested() >= 15); // three times through the clip
        assertEquals(1, source.starts());
        assertEquals(0, pipeline.framesSkipped(), pipeline.lastSkipReason());
    }

    @Test
    void killedFfmpegIsStartedAgainAndFramesFlowAgain() {
        FfmpegSource source = started(testsrc("testsrc=size=64x48:rate=10"),
                new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(1)));
        await().atMost(PATIENCE).until(() -> pipeline.framesIngested() >= 3);
        long pid = source.pid().orElseThrow();
        ProcessHandle first = ProcessHandle.of(pid).orElseThrow();
        assertTrue(first.destroyForcibly());

        await().atMost(PATIENCE).until(() -> source.starts() == 2 && source.pid().isPresent());
        long framesAtRestart = pipeline.framesIngested();
        await().atMost(PATIENCE).until(() -> pipeline.framesIngested() >= framesAtRestart + 3);
        assertNotEquals(pid, source.pid().orElseThrow());
        assertFalse(first.isAlive());
    }

    @Test
    void ffmpegThatFailsAtOnceIsRestartedAfterLongerAndLongerWaits() {
        List<String> restarts = new CopyOnWriteArrayList<>();
        Handler handler = recording(restarts);
        Logger log = Logger.getLogger(FfmpegSource.class.getName());
        log.addHandler(handler);
        try {
            FfmpegSource source = started(testsrc("nosuchsource"),
                    new RestartBackoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1)));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> source.state().startsWith("restarting in "));
            assertTrue(source.state().matches("restarting in \\d+ ms: ffmpeg exited with \\d+: .*nosuchsource.*"),
                    source.state());
            await().atMost(PATIENCE).until(() -> restarts.size() >= 4);
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(List.of("100 ms", "200 ms", "400 ms", "400 ms"), restarts.subList(0, 4));
    }

    @Test
    void outputThatIsNotGifsStopsTheProducerAndRestartsIt() {
        FfmpegSource source = started(List.of("/bin/sh", "-c", "printf 'not a gif at all'; exec sleep 60"),
                new RestartBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        await().atMost(PATIENCE).until(() -> source.state().startsWith("restarting in 30 s: "));
        assertTrue(source.state().contains("ffmpeg's output is not a sequence of GIFs: not a GIF"), source.state());
        assertEquals(0, pipeline.framesIngested());
    }

    @Test
    void ffmpegThatWritesNoFrameForTheStallTimeoutIsRestarted() {
        FfmpegSource source = started(List.of("/bin/sh", "-c", "exec sleep 60"),
                new RestartBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1)),
                Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> source.state().startsWith("restarting in 30 s: "));
        assertTrue(source.state().startsWith("restarting in 30 s: no frame from ffmpeg for 300 ms (ffmpeg exited with "),
                source.state());
    }

    @Test
    void framesKeepTheWatchdogAway() {
        FfmpegSource source = started(FfmpegCommand.of(FFMPEG, testsrc("testsrc=size=64x48:rate=10")),
                RestartBackoff.DEFAULT.copy(), Duration.ofSeconds(3));
        // 4.5 s of frames at 10 fps: without them feeding it, the watchdog would have fired after 3 s
        await().atMost(PATIENCE).until(() -> pipeline.framesIngested() >= 45);
        assertEquals(1, source.starts(), source.state());
    }

    @Test
    void ffmpegEndingInTheMiddleOfAFrameIsReportedByItsExit() {
        Path frame = Fixtures.frameFiles(Fixtures.folder(Fixtures.SMALL)).get(0);
        FfmpegSource source = started(List.of("/bin/sh", "-c", "cat \"$0\"; head -c 100 \"$0\"; exit 3", frame.toString()),
                new RestartBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        await().atMost(PATIENCE).until(() -> source.state().startsWith("restarting in "));
        assertEquals("restarting in 30 s: ffmpeg exited with 3", source.state());
        assertEquals(1, pipeline.framesIngested());
    }

    @Test
    void closeLeavesNoProcessAndNoThread() {
        FfmpegSource source = started(testsrc("testsrc=size=64x48:rate=10"), RestartBackoff.DEFAULT.copy());
        await().atMost(PATIENCE).until(() -> source.pid().isPresent());
        ProcessHandle ffmpeg = ProcessHandle.of(source.pid().getAsLong()).orElseThrow();
        source.close();
        assertFalse(ffmpeg.isAlive());
        assertEquals("stopped", source.state());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("gifstream-ffmpeg-test")));
        assertTrue(ProcessHandle.current().children().noneMatch(p -> p.pid() == ffmpeg.pid()));
    }

    @Test
    void closeWhileWaitingToRestartEndsTheWait() {
        FfmpegSource source = started(List.of("/bin/false"),
                new RestartBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(1)));
        await().atMost(PATIENCE).until(() -> source.state().startsWith("restarting in 600 s: ffmpeg exited with 1"));
        source.close();
        assertEquals("stopped", source.state());
    }

    @Test
    void missingFfmpegIsAClearErrorThatSaysWhatToInstall() {
        FfmpegMissingException e = assertThrows(FfmpegMissingException.class,
                () -> FfmpegInstallation.require(dir.resolve("ffmpeg").toString()));
        assertTrue(e.getMessage().startsWith("ffmpeg was not found at '" + dir.resolve("ffmpeg") + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("install it (Debian/Ubuntu: apt-get install ffmpeg) or set gifstream.ffmpeg.path"),
                e.getMessage());
        assertThrows(FfmpegMissingException.class, () -> FfmpegInstallation.require("/bin/true"));
        assertTrue(FfmpegInstallation.require(FFMPEG).startsWith("ffmpeg version"));
    }

    @Test
    void ffmpegThatCannotStartIsRetriedLikeOneThatExited() {
        FfmpegSource source = started(List.of(dir.resolve("ffmpeg").toString()),
                new RestartBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(1)));
        await().atMost(PATIENCE).until(() -> source.state().startsWith("restarting in 600 s: could not start ffmpeg: "));
        assertEquals(0, source.starts());
    }

    /** Collects the wait of each "…; restarting in X" line. */
    private static Handler recording(List<String> waits) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                int at = message.lastIndexOf("; restarting in ");
                if (at >= 0) {
                    waits.add(message.substring(at + "; restarting in ".length()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
