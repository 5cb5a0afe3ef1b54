package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
    private final RestartBackoff backoff = RestartBackoff.DEFAULT.copy();

    @Test
    void waitsDoubleFromOneSecondUpToThirtyWhileRunsEndEarly() {
        StringBuilder waits = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            waits.append(RestartBackoff.describe(backoff.afterRun(Duration.ofSeconds(2)))).append(' ');
        }
        assertEquals("1 s 2 s 4 s 8 s 16 s 30 s 30 s ", waits.toString());
    }

    @Test
    void aRunOfAMinuteStartsTheWaitsOver() {
        backoff.afterRun(Duration.ZERO);
        backoff.afterRun(Duration.ZERO);
        assertEquals(Duration.ofSeconds(4), backoff.afterRun(Duration.ofSeconds(59)));
        assertEquals(Duration.ofSeconds(1), backoff.afterRun(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(2), backoff.afterRun(Duration.ZERO));
    }

    @Test
    void shortWaitsAreShownInMilliseconds() {
        assertEquals("250 ms", RestartBackoff.describe(Duration.ofMillis(250)));
        assertEquals("30 s", RestartBackoff.describe(Duration.ofSeconds(30)));
    }
}
