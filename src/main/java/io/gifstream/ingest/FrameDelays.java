package io.gifstream.ingest;

import io.gifstream.gif.StreamFrame;

/**
 * The display delay of each ingested frame: the interval at which frames really arrive, smoothed, in
 * whole centiseconds that alternate to average it (30 fps: 3, 3, 4, 3, 3, 4 …). A producer running 5 %
 * fast or slow then plays at its own pace in the browser instead of drifting away from live.
 */
final class FrameDelays {
    private static final double SMOOTHING = 0.05;

    private final double configuredCentiseconds;
    private double intervalCentiseconds;
    private double owedCentiseconds;
    private long lastNanos = -1;

    FrameDelays(double configuredFramesPerSecond) {
        this.configuredCentiseconds = 100 / configuredFramesPerSecond;
        this.intervalCentiseconds = configuredCentiseconds;
    }

    /** The delay for a frame arriving now. */
    int next(long nowNanos) {
        if (lastNanos >= 0) {
            double measured = (nowNanos - lastNanos) / 1e7;
            // a pause or the burst after it says nothing about the producer's rate: only plausible intervals count
            if (measured > configuredCentiseconds / 4 && measured < configuredCentiseconds * 4) {
                intervalCentiseconds += SMOOTHING * (measured - intervalCentiseconds);
            }
        }
        lastNanos = nowNanos;
        double wanted = intervalCentiseconds + owedCentiseconds;
        int delay = Math.max(StreamFrame.MIN_DELAY_CENTISECONDS, (int) Math.round(wanted));
        owedCentiseconds = Math.max(-1, Math.min(1, wanted - delay));
        return delay;
    }
}
