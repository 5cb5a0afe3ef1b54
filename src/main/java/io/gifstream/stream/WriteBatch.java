package io.gifstream.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a viewer writes with one call: every chunk waiting when its connection is ready, up to
 * {@link #MAX_BYTES}. A viewer that fell behind (a stalled network, a machine busy with thousands of
 * viewers arriving) catches up with one container write and one flush for its whole backlog instead
 * of one per frame, so being behind costs no more than being on time and the server recovers.
 * One per viewer, used by its writer only.
 */
final class WriteBatch {
    static final int MAX_BYTES = 64 * 1024;

    private final List<Chunk> chunks = new ArrayList<>(4);
    private final List<byte[]> parts = new ArrayList<>(4);
    private int size;

    void add(Chunk chunk, byte[] bytes) {
        chunks.add(chunk);
        parts.add(bytes);
        size += bytes.length;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    boolean isFull() {
        return size >= MAX_BYTES;
    }

    /** The bytes of every chunk in order: the one shared array itself when there is one chunk. */
    byte[] bytes() {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        byte[] joined = Arrays.copyOf(parts.get(0), size);
        int at = parts.get(0).length;
        for (int i = 1; i < parts.size(); i++) {
            byte[] part = parts.get(i);
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Counts the batch as written and empties it. */
    void sent(StreamCounters counters) {
        counters.bytesSent.add(size);
        for (Chunk chunk : chunks) {
            if (chunk instanceof Chunk.Frame) {
                counters.framesSent.increment();
            } else if (chunk instanceof Chunk.Comment) {
                counters.keepAlivesSent.increment();
            }
        }
        clear();
    }

    /** Counts the live frames of a batch whose write failed as unsent, and empties it. */
    void failed(StreamCounters counters) {
        counters.framesUnsent.add(chunks.stream().filter(Chunk.Frame.class::isInstance).count());
        clear();
    }

    private void clear() {
        chunks.clear();
        parts.clear();
        size = 0;
    }
}
