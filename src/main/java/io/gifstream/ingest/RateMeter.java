package io.gifstream.ingest;

/** Events per second over the last few events; zero once events stop for longer than the window spans. */
final class RateMeter {
    private final long[] times;
    private int count;
    private int next;

    RateMeter(int window) {
        times = new long[window];
    }

    synchronized void tick(long nanos) {
        times[next] = nanos;
        next = (next + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }

    synchronized double perSecond(long nowNanos) {
        if (count < 2) {
            return 0;
        }
        long newest = times[(next - 1 + times.length) % times.length];
        long oldest = times[(next - count + times.length) % times.length];
        double span = (newest - oldest) / 1e9;
        double interval = span / (count - 1);
        if ((nowNanos - newest) / 1e9 > Math.max(2, 3 * interval)) {
            return 0; // the source has gone quiet
        }
        return Math.round((count - 1) / span * 100) / 100.0;
    }
}
