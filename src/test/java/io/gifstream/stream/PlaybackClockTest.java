package io.gifstream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gifstream.gif.StreamFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackClockTest {
    private static final long MS = 1_000_000L;
    private final PlaybackClock clock = new PlaybackClock();

    /** Writes frames at the given times (ms) with a 10 cs delay, returning the delay each one got. */
    private List<Integer> send(long... millis) {
        List<Integer> delays = new ArrayList<>();
        for (long at : millis) {
            int delay = clock.behind(at * MS) ? StreamFrame.MIN_DELAY_CENTISECONDS : 10;
            clock.sent(at * MS, delay);
            delays.add(delay);
        }
        return delays;
    }

    @Test
    void framesArrivingAtTheirOwnPaceKeepTheirDelay() {
        assertEquals(List.of(10, 10, 10, 10, 10), send(0, 100, 200, 300, 400));
        assertEquals(List.of(10, 10, 10), send(530, 610, 720), "jitter of a few tens of ms is no lag");
    }

    @Test
    void aBurstCatchesUpWithTheShortestDelayThenPlaysNormally() {
        // a preroll or a flushed backlog: eight frames at once
        assertEquals(List.of(10, 2, 2, 2, 2, 2, 2, 2), send(0, 0, 0, 0, 0, 0, 0, 0));
        // the browser has 100 + 7 * 20 = 240 ms to play; live frames after that go out normally
        assertEquals(List.of(10, 10), send(300, 400));
    }

    @Test
    void aProducerFivePercentFastNeverBuildsUpMoreThanAFrameOfLag() {
        long lagBound = 0;
        for (int i = 0; i < 600; i++) {
            long at = Math.round(i * 95.0);
            send(at);
            lagBound = Math.max(lagBound, clock.aheadNanos(at * MS) / MS);
        }
        assertFalse(lagBound > 60 + 100, "lag stays within the catch-up threshold plus one frame: " + lagBound + " ms");
    }

    @Test
    void framesQueuedBehindAWriteThatHadToWaitCatchUp() {
        assertEquals(List.of(10, 10), send(0, 100));
        // the connection took the frame of 100 ms but accepted nothing more for 3 s: the browser
        // received that frame no earlier than 3.1 s, and the 30 frames queued meanwhile are lag
        clock.lastFrameArrivedNoEarlierThan(3_100 * MS);
        List<Integer> flushed = send(3_100, 3_100, 3_100, 3_100);
        assertEquals(List.of(2, 2, 2, 2), flushed);
    }

    @Test
    void aWriteThatWaitedOnlyForItsOwnFlushChangesNothing() {
        assertEquals(List.of(10), send(0));
        clock.lastFrameArrivedNoEarlierThan(MS / 10);
        assertEquals(List.of(10, 10), send(100, 200));
    }
}
