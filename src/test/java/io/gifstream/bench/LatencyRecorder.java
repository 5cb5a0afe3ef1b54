package io.gifstream.bench;

import java.util.Arrays;

/** Latency samples of one selector thread, in microseconds; merged for percentiles at the end. */
final class LatencyRecorder {
    private int[] micros = new int[1 << 16];
    private int count;

    synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
    }

    static int[] merged(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        int[] all = new int[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            synchronized (recorder) {
                System.arraycopy(recorder.micros, 0, all, at, recorder.count);
                at += recorder.count;
            }
        }
        Arrays.sort(all);
        return all;
    }

    /** The given percentile of sorted samples, in milliseconds. */
    static double percentile(int[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percent / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
