package io.gifstream.bench;

import java.util.concurrent.ConcurrentHashMap;

/** When the producer finished writing each frame content last: the start of every latency measurement. */
final class FrameClock {
    private final ConcurrentHashMap<Long, Long> closedAt = new ConcurrentHashMap<>();

    void closed(long lzwCrc, long nanos) {
        closedAt.put(lzwCrc, nanos);
    }

    /** Nanoseconds since the newest file with this content was closed, or -1 if unknown. */
    long age(long lzwCrc, long nowNanos) {
        Long closed = closedAt.get(lzwCrc);
        return closed == null ? -1 : nowNanos - closed;
    }
}
