package io.gifstream.ingest;

import java.time.Duration;

/**
 * How long to wait before starting a process again that exited: the first wait, doubled after every
 * run that ended early, up to a maximum; a run that lasted long enough counts as healthy and starts
 * the waits over. Used by one thread.
 */
final class RestartBackoff {
    static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    private final Duration first;
    private final Duration max;
    private final Duration healthyRun;
    private Duration nextWait;

    RestartBackoff(Duration first, Duration max, Duration healthyRun) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff from " + first + " to " + max);
        }
        this.first = first;
        this.max = max;
        this.healthyRun = healthyRun;
        this.nextWait = first;
    }

    /** A fresh backoff with the same bounds, for another source. */
    RestartBackoff copy() {
        return new RestartBackoff(first, max, healthyRun);
    }

    /** The wait before the next start, after a run that lasted {@code ranFor}. */
    Duration afterRun(Duration ranFor) {
        if (ranFor.compareTo(healthyRun) >= 0) {
            nextWait = first;
        }
        Duration wait = nextWait;
        Duration doubled = nextWait.multipliedBy(2);
        nextWait = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** "4 s", or "250 ms" below a second. */
    static String describe(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
