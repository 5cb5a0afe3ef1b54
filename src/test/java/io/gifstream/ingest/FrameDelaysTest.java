package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDelaysTest {
    private static List<Integer> delays(FrameDelays delays, double intervalMillis, int frames) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            out.add(delays.next(Math.round(i * intervalMillis * 1_000_000)));
        }
        return out;
    }

    private static double meanCentiseconds(List<Integer> delays) {
        return delays.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    @Test
    void thirtyFramesPerSecondAlternateThreeAndFourCentiseconds() {
        List<Integer> played = delays(new FrameDelays(30), 1000.0 / 30, 300);
        assertTrue(played.stream().allMatch(d -> d == 3 || d == 4), played.toString());
        assertEquals(100.0 / 30, meanCentiseconds(played), 0.02);
    }

    @Test
    void followsAProducerFivePercentFasterOrSlowerThanConfigured() {
        List<Integer> fast = delays(new FrameDelays(10), 95, 600);
        assertEquals(9.5, meanCentiseconds(fast.subList(300, 600)), 0.05);
        List<Integer> slow = delays(new FrameDelays(10), 105, 600);
        assertEquals(10.5, meanCentiseconds(slow.subList(300, 600)), 0.05);
    }

    @Test
    void aPauseOrABurstDoesNotChangeTheRate() {
        FrameDelays delays = new FrameDelays(10);
        long at = 0;
        for (int i = 0; i < 50; i++) {
            delays.next(at += 100_000_000L);
        }
        delays.next(at += 5_000_000_000L);   // five seconds without frames
        List<Integer> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(delays.next(at += 1_000_000L)); // then twenty frames within 20 ms
        }
        assertTrue(burst.stream().allMatch(d -> d == 10), burst.toString());
    }

    @Test
    void neverLessThanTwoCentiseconds() {
        assertTrue(delays(new FrameDelays(50), 5, 100).stream().allMatch(d -> d >= 2));
    }
}
