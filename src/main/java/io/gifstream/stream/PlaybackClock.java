package io.gifstream.stream;

/**
 * What one viewer's browser is showing, as far as the server can tell. Browsers play every frame of a
 * GIF for its full delay, one after another, and skip none: frames sent faster than they play (a
 * preroll, a backlog flushed after a stall, a producer slightly fast) pile up as lag that never goes
 * away. So the server keeps, per viewer, the moment its browser will have played everything sent so
 * far; while that lies ahead by more than a little, the next frames go out with the shortest delay.
 */
final class PlaybackClock {
    /** How far behind live a browser may fall before frames are sent to catch up. */
    static final long CATCH_UP_AFTER_NANOS = 60_000_000L;
    private static final long NANOS_PER_CENTISECOND = 10_000_000L;

    private long playedUntilNanos;
    private long lastDelayNanos;
    private boolean started;

    /** Whether the browser would show a frame written now late, so it should get the catch-up delay. */
    boolean behind(long nowNanos) {
        return aheadNanos(nowNanos) > CATCH_UP_AFTER_NANOS;
    }

    /** How long the browser will still be busy with frames already sent. */
    long aheadNanos(long nowNanos) {
        return started ? Math.max(0, playedUntilNanos - nowNanos) : 0;
    }

    /** Notes a frame written now that the browser will show for the given delay. */
    void sent(long nowNanos, int delayCentiseconds) {
        long start = started ? Math.max(nowNanos, playedUntilNanos) : nowNanos;
        lastDelayNanos = delayCentiseconds * NANOS_PER_CENTISECOND;
        playedUntilNanos = start + lastDelayNanos;
        started = true;
    }

    /**
     * Notes that the connection accepts bytes again after the frame written last had to wait: that
     * frame cannot have reached the browser before now, so the browser shows it for its whole delay
     * from now on, and frames queued meanwhile go out to catch up.
     */
    void lastFrameArrivedNoEarlierThan(long nowNanos) {
        if (started) {
            playedUntilNanos = Math.max(playedUntilNanos, nowNanos + lastDelayNanos);
        }
    }
}
