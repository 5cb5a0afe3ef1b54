package io.gifstream.web;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One answer computed at most once per interval and given to every request meanwhile: thousands of
 * open pages polling {@code /status} cost one computation a second, not one each.
 */
final class SharedAnswer {
    private final Supplier<byte[]> compute;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private volatile Computed latest;

    private record Computed(byte[] bytes, long atNanos) {
    }

    SharedAnswer(Supplier<byte[]> compute, Duration interval, LongSupplier nanoTime) {
        this.compute = compute;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The current answer; a shared array that callers must not modify. */
    byte[] bytes() {
        long now = nanoTime.getAsLong();
        Computed answer = latest;
        if (answer == null || now - answer.atNanos() >= intervalNanos) {
            // requests that arrive together at expiry may each compute once: harmless, and no one waits
            answer = new Computed(compute.get(), now);
            latest = answer;
        }
        return answer.bytes();
    }
}
