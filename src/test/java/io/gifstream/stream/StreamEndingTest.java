package io.gifstream.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Streams ended early — by a frame of another size, or by shutdown — until their viewers are gone. */
class StreamEndingTest {
    private static final long MS = 1_000_000L;
    private static final Duration STALL = Duration.ofSeconds(5);
    private static final List<StreamFrame> SMALL = TestStreams.of(Fixtures.SMALL);
    private static final List<StreamFrame> MEDIUM = TestStreams.of(Fixtures.MEDIUM);

    private long now = 1_000 * MS;
    private final Random schedule = new Random(7);

    private Broadcaster broadcaster(Duration closeGrace) {
        return new Broadcaster(new StreamSettings(4, STALL, Duration.ofSeconds(2), Duration.ZERO, 10, 0),
                () -> now, closeGrace);
    }

    private ScriptedSink join(Broadcaster broadcaster, String name, double readiness) {
        ScriptedSink sink = new ScriptedSink(name, schedule, () -> now, readiness);
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.join(sink, "10.0.0.1", name, Duration.ZERO);
        sink.start();
        return sink;
    }

    @Test
    void stuckViewerWhoseStreamEndedOnASizeChangeStaysCountedAndIsDisconnectedAfterTheStallTimeout() {
        Broadcaster broadcaster = broadcaster(Duration.ZERO);
        broadcaster.publish(SMALL.get(0));
        ScriptedSink stuck = join(broadcaster, "stuck", 1);
        ScriptedSink healthy = join(broadcaster, "healthy", 1);
        stuck.getStuck();

        now += 100 * MS;
        broadcaster.publish(MEDIUM.get(0));
        assertTrue(healthy.received.trailerSeen() && healthy.completedByViewer(), "the healthy stream ended well");
        assertFalse(stuck.completedByViewer(), "the stuck one still owes its last frame and trailer");
        assertEquals(1, broadcaster.stats().viewers(), "a viewer holding a seat is counted");
        assertEquals(1, broadcaster.seatsTaken());

        now += STALL.toNanos() + 1_000 * MS;
        broadcaster.tick();
        assertTrue(stuck.completedByViewer(), "disconnected after the stall timeout");
        assertFalse(stuck.received.trailerSeen());
        assertEquals(0, broadcaster.stats().viewers());
        assertEquals(0, broadcaster.seatsTaken());
        assertEquals(1, broadcaster.stats().viewersDisconnectedStalled());
    }

    @Test
    void closeEndsHealthyStreamsWithTheTrailerAndDisconnectsTheStuckOnesAfterTheGrace() {
        Broadcaster broadcaster = broadcaster(Duration.ZERO);
        broadcaster.publish(SMALL.get(0));
        ScriptedSink stuck = join(broadcaster, "stuck", 1);
        ScriptedSink healthy = join(broadcaster, "healthy", 1);
        stuck.getStuck();
        now += 100 * MS;
        broadcaster.publish(SMALL.get(1));

        broadcaster.close();
        assertTrue(healthy.received.trailerSeen(), "the healthy stream ended with its trailer");
        assertEquals(1, healthy.received.lastFrames(), "and its last picture held");
        assertTrue(stuck.completedByViewer(), "the stuck one is disconnected, not left to the container");
        assertFalse(stuck.received.trailerSeen());
        assertEquals(0, broadcaster.stats().viewers());
        assertEquals(0, broadcaster.seatsTaken());
    }

    @Test
    void closeWaitsForAStreamThatFinishesWithinTheGrace() {
        Broadcaster broadcaster = broadcaster(Duration.ofMinutes(5));
        broadcaster.publish(SMALL.get(0));
        ScriptedSink slow = join(broadcaster, "slow", 0); // one write per onWritePossible
        while (slow.owesWritePossible()) {
            slow.writePossible();
        }

        CompletableFuture<Void> closing = CompletableFuture.runAsync(broadcaster::close);
        while (!slow.completedByViewer()) {
            await().until(() -> slow.owesWritePossible() || slow.completedByViewer());
            if (slow.owesWritePossible()) {
                slow.writePossible();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(closing::isDone); // long before the 5 minutes of grace
        assertTrue(slow.received.trailerSeen(), "the slow stream finished with its trailer");
        assertEquals(0, broadcaster.seatsTaken());
    }

    @Test
    void viewerJoiningAfterCloseEndsAtOnceAndGivesItsSeatBack() {
        Broadcaster broadcaster = broadcaster(Duration.ZERO);
        broadcaster.publish(SMALL.get(0));
        broadcaster.close();

        ScriptedSink late = new ScriptedSink("late", schedule, () -> now, 1);
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.join(late, "10.0.0.1", "late", Duration.ZERO); // before the container's first onWritePossible
        assertTrue(late.completedByViewer(), "the response ends without waiting for the container");
        assertEquals(0, late.bytes(), "nothing was sent, so no trailer is owed");
        assertEquals(0, broadcaster.seatsTaken());
    }
}
