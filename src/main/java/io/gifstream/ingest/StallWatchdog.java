package io.gifstream.ingest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Calls its action once when it has not been {@link #fed()} for the timeout: a camera that stops
 * sending without closing the connection leaves ffmpeg waiting, not exiting, and this ends the wait.
 * Runs on a thread of its own from construction until {@link #close()}, which joins it.
 */
final class StallWatchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Runnable onStall;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile long lastFedNanos = System.nanoTime();
    private volatile boolean fired;

    StallWatchdog(Duration timeout, Runnable onStall, String threadName) {
        this.timeoutNanos = timeout.toNanos();
        this.onStall = onStall;
        this.thread = new Thread(this::watch, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void fed() {
        lastFedNanos = System.nanoTime();
    }

    /** Whether the action ran. */
    boolean fired() {
        return fired;
    }

    private void watch() {
        try {
            long waitNanos = timeoutNanos;
            while (!closed.await(waitNanos, TimeUnit.NANOSECONDS)) {
                long idle = System.nanoTime() - lastFedNanos;
                if (idle >= timeoutNanos) {
                    fired = true;
                    onStall.run();
                    return;
                }
                waitNanos = timeoutNanos - idle;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
