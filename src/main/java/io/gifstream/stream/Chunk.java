package io.gifstream.stream;

import io.gifstream.gif.GifBlocks;
import io.gifstream.gif.StreamFrame;
import io.gifstream.gif.StreamHeader;

/**
 * One item of a viewer's queue. Only a live {@link Frame} may be dropped when the backlog is full;
 * the header, the last frame of an ending stream and the trailer are what make the stream a valid GIF
 * that ends well, and a keep-alive comment is never counted as a frame.
 */
sealed interface Chunk {
    /** What goes on the wire; a live frame may go out with the catch-up delay instead (see {@link PlaybackClock}). */
    byte[] bytes();

    record Header(StreamHeader header) implements Chunk {
        @Override
        public byte[] bytes() {
            return header.bytes();
        }
    }

    /** A live frame, sent with its own delay or the catch-up delay. */
    record Frame(StreamFrame frame) implements Chunk {
        @Override
        public byte[] bytes() {
            return frame.bytes();
        }
    }

    record Comment(byte[] bytes) implements Chunk {
    }

    /** The newest frame with the longest delay, to stay on screen after the stream ends (see {@link Viewer#end}). */
    record LastFrame(StreamFrame frame) implements Chunk {
        @Override
        public byte[] bytes() {
            return frame.bytes();
        }
    }

    record Trailer() implements Chunk {
        @Override
        public byte[] bytes() {
            return GifBlocks.trailer();
        }
    }
}
