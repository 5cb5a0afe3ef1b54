package io.gifstream.stream;

/**
 * How one viewer's chunks go on the wire. Each viewer has its own instance, used only by the viewer's
 * single writer, so a format may remember what it sent.
 */
interface WireFormat {
    /** The bytes to send for this chunk now; an empty array sends nothing. */
    byte[] bytesOf(Chunk chunk, long nowNanos);

    /** Whether the response is complete once this chunk is out. */
    default boolean endsWith(Chunk chunk) {
        return chunk instanceof Chunk.Trailer;
    }

    /** The connection accepted bytes again at this time, after it had been full since the last write. */
    default void unblockedAt(long nowNanos) {
    }
}
