package io.gifstream.stream;

import io.gifstream.gif.StreamHeader;

/**
 * One item of a viewer's queue; its {@link WireFormat} says what goes on the wire for it. Only a live
 * {@link Frame} may be dropped when the backlog is full; the header, the last frame of an ending stream
 * and the trailer are what make the stream valid and end well, and a keep-alive is never counted as a
 * frame.
 */
sealed interface Chunk {
    record Header(StreamHeader header) implements Chunk {
    }

    record Frame(SharedFrame frame) implements Chunk {
    }

    /** A keep-alive during a pause in frames; a GIF comment for the animated GIF. */
    record Comment(byte[] bytes) implements Chunk {
    }

    /** The newest frame, to stay on screen after the stream ends (see {@link Viewer#end}). */
    record LastFrame(SharedFrame frame) implements Chunk {
    }

    record Trailer() implements Chunk {
    }
}
