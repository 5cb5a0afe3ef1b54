package io.gifstream.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a viewer writes with one call: the chunks waiting when its connection is ready, as many as fit in
 * the sink's {@link ViewerSink#largestWrite()}. A viewer that fell behind (a stalled network, a machine
 * busy with thousands of viewers arriving) catches up with few container writes instead of one per
 * frame, so being behind costs little more than being on time and the server recovers. A chunk that
 * does not fit waits in the batch for the next write; a chunk larger than the limit goes alone.
 * One per viewer, used by its writer only.
 */
final class WriteBatch {
    private final int maxBytes;
    private final List<Chunk> chunks = new ArrayList<>(4);
    private final List<byte[]> parts = new ArrayList<>(4);
    private int size;

    WriteBatch(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(Chunk chunk, byte[] bytes) {
        chunks.add(chunk);
        parts.add(bytes);
        size += bytes.length;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** True when the next write is full: nothing more need be taken from the queue. */
    boolean isFull() {
        return size >= maxBytes;
    }

    /** The bytes of the next write in order: the one shared array itself when it carries one chunk. */
    byte[] bytes() {
        int count = nextWriteChunks();
        if (count == 1) {
            return parts.get(0);
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length += parts.get(i).length;
        }
        byte[] joined = Arrays.copyOf(parts.get(0), length);
        int at = parts.get(0).length;
        for (int i = 1; i < count; i++) {
            byte[] part = parts.get(i);
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Counts the chunks of the next write as written and takes them out; any left wait for the next. */
    void sent(StreamCounters counters) {
        int count = nextWriteChunks();
        for (int i = 0; i < count; i++) {
            Chunk chunk = chunks.get(i);
            counters.bytesSent.add(parts.get(i).length);
            size -= parts.get(i).length;
            if (chunk instanceof Chunk.Frame) {
                counters.framesSent.increment();
            } else if (chunk instanceof Chunk.Comment) {
                counters.keepAlivesSent.increment();
            }
        }
        if (count == chunks.size()) {
            chunks.clear(); // the usual case, and no sub-list made for it
            parts.clear();
        } else {
            chunks.subList(0, count).clear();
            parts.subList(0, count).clear();
        }
    }

    /** Counts the live frames of a batch whose write failed, and those still waiting, as unsent; empties it. */
    void failed(StreamCounters counters) {
        counters.framesUnsent.add(chunks.stream().filter(Chunk.Frame.class::isInstance).count());
        chunks.clear();
        parts.clear();
        size = 0;
    }

    /** How many chunks, from the first, the next write carries: those within the limit, and at least one. */
    private int nextWriteChunks() {
        int count = 1;
        int length = parts.get(0).length;
        while (count < parts.size() && length + parts.get(count).length <= maxBytes) {
            length += parts.get(count).length;
            count++;
        }
        return count;
    }
}
