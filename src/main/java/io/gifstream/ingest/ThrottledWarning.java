package io.gifstream.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A warning that could repeat with every frame (a producer that writes only bad files, a directory
 * retention cannot delete from), logged so that the log stays quiet while nothing changes: the first
 * occurrence in full, then at most one summary line per interval with the count and the last
 * occurrence, and one line when it works again. Every occurrence is also logged at {@code FINE}.
 * Used by one thread at a time; times are {@link System#nanoTime()} values.
 */
final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private final String problem;
    private final String problems;
    private final String recovered;

    private boolean lineInInterval;  // a warning or summary was logged less than an interval ago
    private long intervalStart;
    private long notLogged;
    private String lastNotLogged;
    private boolean failing;
    private boolean recoveryLogged;  // at most one recovery line per interval: a flapping cause stays quiet too

    /**
     * @param problem   one occurrence, e.g. "frame skipped"
     * @param problems  several, e.g. "frames skipped"
     * @param recovered the line when it works again, e.g. "frames published again"
     */
    ThrottledWarning(Logger log, Duration interval, String problem, String problems, String recovered) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.problem = problem;
        this.problems = problems;
        this.recovered = recovered;
    }

    void occurred(String detail, long now) {
        log.logp(Level.FINE, log.getName(), null, () -> problem + ": " + detail);
        endIntervalIfOver(now);
        failing = true;
        if (!lineInInterval) {
            warn(problem + ": " + detail);
            startInterval(now);
        } else {
            notLogged++;
            lastNotLogged = detail;
        }
    }

    void succeeded(long now) {
        endIntervalIfOver(now);
        if (!failing) {
            return;
        }
        failing = false;
        if (!recoveryLogged) {
            log.logp(Level.INFO, log.getName(), null, notLogged == 0 ? recovered
                    : recovered + " (" + notLogged + " more " + problems + " since the last line, the last: "
                    + lastNotLogged + ")");
            notLogged = 0;
            recoveryLogged = true;
        }
    }

    private void endIntervalIfOver(long now) {
        if (!lineInInterval || now - intervalStart < intervalNanos) {
            return;
        }
        if (notLogged == 0) {
            lineInInterval = false;
            return;
        }
        warn(notLogged + " more " + problems + " in the last "
                + TimeUnit.NANOSECONDS.toSeconds(now - intervalStart) + " s, the last: " + lastNotLogged);
        startInterval(now);
    }

    /** Logged in the name of the class that owns the logger: the line is about it, not about this class. */
    private void warn(String line) {
        log.logp(Level.WARNING, log.getName(), null, line);
    }

    private void startInterval(long now) {
        lineInInterval = true;
        intervalStart = now;
        notLogged = 0;
        recoveryLogged = false;
    }
}
