package io.gifstream.stream;

/**
 * One unit of a viewer's queue. Only frames and comments may be dropped; the header and the trailer
 * are what make the stream a valid GIF and always go out.
 */
record Chunk(Kind kind, byte[] bytes) {
    enum Kind { HEADER, FRAME, COMMENT, TRAILER }

    boolean droppable() {
        return kind == Kind.FRAME || kind == Kind.COMMENT;
    }
}
