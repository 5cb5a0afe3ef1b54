package io.gifstream.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ChannelInput;
import io.gifstream.config.ChannelInput.FrameSize;
import io.gifstream.config.ChannelInput.Kind;
import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.StreamSettings;
import io.gifstream.stream.ViewerSink;
import io.gifstream.testing.GifStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two ffmpeg-fed channels, each with its broadcaster and viewers: killing one ffmpeg costs only its own channel a pause. */
class FfmpegChannelsUnderViewersTest {
    private static final ParserLimits LIMITS = new ParserLimits(1 << 20, 1 << 20);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close(); // each source before its broadcaster
        }
    }

    private record Channel(FfmpegSource source, Broadcaster broadcaster, FramePipeline pipeline) {
    }

    private Channel channel(String name, String size) {
        Broadcaster broadcaster = new Broadcaster(new StreamSettings(30, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ZERO, 10, 0));
        resources.add(broadcaster);
        FramePipeline pipeline = new FramePipeline(new FrameParser(LIMITS), broadcaster::publish, 10);
        ChannelInput input = new ChannelInput(name, "testsrc=size=" + size + ":rate=10", Kind.LAVFI,
                Optional.of(new FrameSize(64, 48)), 10, 32, false);
        FfmpegSource source = new FfmpegSource(name, FfmpegCommand.of("/usr/bin/ffmpeg", input), input.displayedInput(),
                pipeline, LIMITS, new RestartBackoff(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1)),
                FfmpegSource.DEFAULT_STALL_TIMEOUT);
        resources.add(source);
        source.start();
        return new Channel(source, broadcaster, pipeline);
    }

    private static RecordingSink watch(Channel channel, String address) {
        RecordingSink sink = new RecordingSink();
        assertTrue(channel.broadcaster().reserveSeat(address));
        channel.broadcaster().join(sink, address, "viewer at " + address, Duration.ZERO);
        sink.callbacks.onWritePossible();
        return sink;
    }

    @Test
    void killingOneChannelsFfmpegPausesOnlyThatChannelAndItsViewersStay() {
        Channel killed = channel("a", "160x120");
        Channel other = channel("b", "96x64");
        await().atMost(PATIENCE).until(() -> killed.pipeline().framesIngested() > 0 && other.pipeline().framesIngested() > 0);
        List<RecordingSink> killedViewers = List.of(watch(killed, "10.0.0.1"), watch(killed, "10.0.0.2"));
        RecordingSink otherViewer = watch(other, "10.0.0.3");
        await().atMost(PATIENCE).until(() -> killedViewers.stream().allMatch(v -> v.frames() >= 3));

        ProcessHandle.of(killed.source().pid().orElseThrow()).orElseThrow().destroyForcibly();
        await().atMost(PATIENCE).until(() -> killed.source().state().startsWith("restarting in 500 ms: ffmpeg exited with "));
        int otherBefore = otherViewer.frames();
        await().atMost(PATIENCE).until(() -> killed.source().starts() == 2);
        assertTrue(otherViewer.frames() > otherBefore, "the other channel went on while the killed one restarted");

        List<Integer> before = killedViewers.stream().map(RecordingSink::frames).toList();
        await().atMost(PATIENCE).until(() -> killedViewers.get(0).frames() >= before.get(0) + 5
                && killedViewers.get(1).frames() >= before.get(1) + 5);
        for (RecordingSink viewer : killedViewers) {
            assertFalse(viewer.completed, "the viewer's response stays open across the restart");
        }
        assertEquals(2, killed.broadcaster().stats().viewers());
        assertEquals(1, other.source().starts());
        assertEquals(0, killed.pipeline().framesSkipped(), killed.pipeline().lastSkipReason());
    }

    /** A viewer whose connection always takes what is written; it counts the frames of the stream it got. */
    private static final class RecordingSink implements ViewerSink {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private volatile Callbacks callbacks;
        private volatile boolean completed;

        @Override
        public void listen(Callbacks viewer) {
            callbacks = viewer;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public synchronized void write(byte[] bytes) {
            received.writeBytes(bytes);
        }

        @Override
        public void flush() {
        }

        @Override
        public void complete() {
            completed = true;
        }

        /** Frames in the stream so far; fails on anything that is not a well-formed stream. */
        int frames() {
            byte[] bytes;
            synchronized (this) {
                bytes = received.toByteArray();
            }
            if (bytes.length == 0) {
                return 0;
            }
            int frames = 0;
            try {
                GifStreamReader reader = new GifStreamReader(new ByteArrayInputStream(bytes));
                while (true) {
                    if (reader.next() instanceof GifStreamReader.Frame) {
                        frames++;
                    }
                }
            } catch (EOFException endOfWhatArrived) {
                return frames;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
