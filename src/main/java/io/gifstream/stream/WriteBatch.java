package io.gifstream.stream;

import java.util.Arrays;

/**
 * What a viewer writes with one call: the chunks waiting when its connection is ready, as many as fit in
 * the sink's {@link ViewerSink#largestWrite()}. A viewer that fell behind (a stalled network, a machine
 * busy with thousands of viewers arriving) catches up with few container writes instead of one per
 * frame, so being behind costs little more than being on time and the server recovers. A chunk that
 * does not fit waits in the batch for the next write; a chunk larger than the limit goes alone.
 * One per viewer, used by its writer only; plain arrays, so a write reaches three objects, not five.
 */
final class WriteBatch {
    private final int maxBytes;
    private Chunk[] chunks = new Chunk[4];
    private byte[][] parts = new byte[4][];
    private int count;
    private int size;

    WriteBatch(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(Chunk chunk, byte[] bytes) {
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, count * 2);
            parts = Arrays.copyOf(parts, count * 2);
        }
        chunks[count] = chunk;
        parts[count] = bytes;
        count++;
        size += bytes.length;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** True when the next write is full: nothing more need be taken from the queue. */
    boolean isFull() {
        return size >= maxBytes;
    }

    /** The bytes of the next write in order: the one shared array itself when it carries one chunk. */
    byte[] bytes() {
        int next = nextWriteChunks();
        if (next == 1) {
            return parts[0];
        }
        int length = 0;
        for (int i = 0; i < next; i++) {
            length += parts[i].length;
        }
        byte[] joined = Arrays.copyOf(parts[0], length);
        int at = parts[0].length;
        for (int i = 1; i < next; i++) {
            byte[] part = parts[i];
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Counts the chunks of the next write as written and takes them out; any left wait for the next. */
    void sent(StreamCounters counters) {
        int next = nextWriteChunks();
        for (int i = 0; i < next; i++) {
            Chunk chunk = chunks[i];
            counters.bytesSent.add(parts[i].length);
            size -= parts[i].length;
            if (chunk instanceof Chunk.Frame) {
                counters.framesSent.increment();
            } else if (chunk instanceof Chunk.Comment) {
                counters.keepAlivesSent.increment();
            }
        }
        System.arraycopy(chunks, next, chunks, 0, count - next);
        System.arraycopy(parts, next, parts, 0, count - next);
        Arrays.fill(chunks, count - next, count, null); // no frame held after it is sent
        Arrays.fill(parts, count - next, count, null);
        count -= next;
    }

    /** Counts the live frames of a batch whose write failed, and those still waiting, as unsent; empties it. */
    void failed(StreamCounters counters) {
        for (int i = 0; i < count; i++) {
            if (chunks[i] instanceof Chunk.Frame) {
                counters.framesUnsent.increment();
            }
        }
        Arrays.fill(chunks, 0, count, null);
        Arrays.fill(parts, 0, count, null);
        count = 0;
        size = 0;
    }

    /** How many chunks, from the first, the next write carries: those within the limit, and at least one. */
    private int nextWriteChunks() {
        int next = 1;
        int length = parts[0].length;
        while (next < count && length + parts[next].length <= maxBytes) {
            length += parts[next].length;
            next++;
        }
        return next;
    }
}
