package io.gifstream.stream;

import io.gifstream.gif.StreamFrame;

/**
 * One unit of a viewer's queue. Only frames and comments may be dropped; the header, the last frame
 * of an ending stream and the trailer are what make the stream a valid GIF that ends well, and always
 * go out. A frame's bytes are chosen when it is written (see {@link PlaybackClock}).
 */
record Chunk(Kind kind, byte[] bytes, StreamFrame frame) {
    enum Kind { HEADER, FRAME, COMMENT, LAST_FRAME, TRAILER }

    static Chunk of(Kind kind, byte[] bytes) {
        return new Chunk(kind, bytes, null);
    }

    static Chunk frame(StreamFrame frame) {
        return new Chunk(Kind.FRAME, null, frame);
    }

    boolean droppable() {
        return kind == Kind.FRAME || kind == Kind.COMMENT;
    }
}
