package io.gifstream.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewerBacklogTest {
    private static final int BACKLOG = 3;
    private static final long MS = 1_000_000L;
    private static final List<StreamFrame> FRAMES = TestStreams.of(Fixtures.SMALL);

    private long now = 1_000 * MS;
    private final Broadcaster broadcaster = new Broadcaster(new StreamSettings(BACKLOG, Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ZERO, 10, 0), () -> now, Duration.ZERO);
    // never ready on its own: it takes one write per onWritePossible the test delivers
    private final ScriptedSink sink = new ScriptedSink("slow", new Random(1), () -> now, 0);

    @Test
    void keepAliveQueuedBeforeAFullBacklogIsNeitherDroppedAsAFrameNorMiscounted() {
        broadcaster.publish(FRAMES.get(0));
        Viewer viewer = broadcaster.join(sink, "10.0.0.1", "slow", Duration.ZERO);
        sink.start();
        writeAllQueued();
        assertEquals(1, sink.received.liveFrames(), "the newest frame on joining");

        now += 2_000 * MS;
        broadcaster.tick(); // a pause in frames: a keep-alive is queued, and the connection is busy
        for (int i = 1; i <= 20; i++) {
            now += 100 * MS;
            broadcaster.publish(FRAMES.get(i % FRAMES.size()));
            assertEquals(Math.min(i, BACKLOG), viewer.framesWaiting(), "frames waiting after " + i + " published");
        }
        writeAllQueued();

        StreamStats stats = broadcaster.stats();
        assertEquals(1, stats.keepAlivesSent(), "the keep-alive went out");
        assertEquals(20 - BACKLOG, stats.framesDropped(), "only frames are dropped, and each is counted once");
        assertEquals(1 + BACKLOG, stats.framesSent());
        assertEquals(1 + BACKLOG, sink.received.liveFrames());
    }

    @Test
    void aViewerThatFellBehindCatchesUpWithOneWrite() {
        int writesOnTime = joinWithTheNewestFrame();
        publishTheBacklog();
        sink.writePossible(); // it drained once

        assertEquals(writesOnTime + 1, sink.writes(), "the whole backlog goes out with one write call");
        assertEquals(1 + BACKLOG, sink.received.liveFrames(), "whole frames, each one once");
        assertEquals(1 + BACKLOG, broadcaster.stats().framesSent());
        assertEquals(0, broadcaster.stats().framesDropped());
    }

    @Test
    void behindABufferingContainerEachWriteFitsItsBufferAndIsFlushedBeforeTheNext() {
        int twoFrames = FRAMES.get(1).bytes().length + FRAMES.get(2).bytes().length;
        sink.buffering(twoFrames);
        int writesOnTime = joinWithTheNewestFrame();
        publishTheBacklog();
        writeAllQueued(); // the sink fails any write that overflows what an earlier one left unflushed

        assertEquals(writesOnTime + 2, sink.writes(), "the first two frames together, the third alone");
        assertFramesInOrder(sink.bytesReceived(), 1 + BACKLOG);
        assertEquals(1 + BACKLOG, broadcaster.stats().framesSent());
        assertEquals(0, broadcaster.stats().framesDropped());
    }

    @Test
    void aViewerThatKeepsUpAsksIsReadyOnlyBeforeWhatItWrites() {
        ScriptedSink unsized = new ScriptedSink("unsized", new Random(2), () -> now, 1);
        ScriptedSink buffering = new ScriptedSink("buffering", new Random(3), () -> now, 1).buffering(64 * 1024);
        broadcaster.publish(FRAMES.get(0));
        for (ScriptedSink viewer : List.of(unsized, buffering)) {
            broadcaster.join(viewer, "10.0.0.2", viewer.toString(), Duration.ZERO);
            viewer.start();
        }
        int unsizedBefore = unsized.isReadyCalls();
        int bufferingBefore = buffering.isReadyCalls();
        for (int i = 1; i <= 10; i++) {
            now += 100 * MS;
            broadcaster.publish(FRAMES.get(i % FRAMES.size()));
        }

        // in Tomcat each isReady() is a lock and a walk through five layers: none when nothing waits, and
        // none between a write and its flush when the container says the write stayed in its buffer
        for (ScriptedSink viewer : List.of(unsized, buffering)) {
            assertEquals(11, viewer.received.liveFrames(), viewer + ": every frame");
        }
        assertEquals(20, unsized.isReadyCalls() - unsizedBefore, "isReady() calls for 10 frames, each written and flushed");
        assertEquals(10, buffering.isReadyCalls() - bufferingBefore, "isReady() calls for 10 frames, each written into the buffer and flushed");
    }

    @Test
    void theStreamHeaderGoesOutAloneAsTheResponsesFirstWrite() {
        joinWithTheNewestFrame();

        assertArrayEquals(FRAMES.get(0).header().bytes(), sink.firstWrite(),
                "the header alone: WildFly sent some streams their start twice when it came with the first frame");
        assertEquals(1, sink.received.liveFrames(), "then the newest frame");
    }

    /** The stream is the header, then the first {@code count} frames in order, each with its delay or the catch-up one. */
    private static void assertFramesInOrder(byte[] stream, int count) {
        int at = FRAMES.get(0).header().bytes().length;
        for (int i = 0; i < count; i++) {
            StreamFrame frame = FRAMES.get(i);
            byte[] sent = Arrays.copyOfRange(stream, at, Math.min(stream.length, at + frame.bytes().length));
            assertTrue(Arrays.equals(sent, frame.bytes()) || Arrays.equals(sent, frame.catchUpBytes()),
                    "frame " + i + " whole and in its place");
            at += frame.bytes().length;
        }
        assertEquals(stream.length, at, "nothing after the last frame");
    }

    /** The viewer joins and is sent the newest frame; returns how many write calls that took. */
    private int joinWithTheNewestFrame() {
        broadcaster.publish(FRAMES.get(0));
        broadcaster.join(sink, "10.0.0.1", "slow", Duration.ZERO);
        sink.start();
        writeAllQueued();
        return sink.writes();
    }

    /** The next frames, 100 ms apart, while the connection is busy: each one waits. */
    private void publishTheBacklog() {
        for (int i = 1; i <= BACKLOG; i++) {
            now += 100 * MS;
            broadcaster.publish(FRAMES.get(i));
        }
    }

    private void writeAllQueued() {
        while (sink.owesWritePossible()) {
            sink.writePossible();
        }
    }
}
