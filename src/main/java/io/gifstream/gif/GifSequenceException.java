package io.gifstream.gif;

import java.io.IOException;

/** A stream read by {@link GifSequenceReader} that is not a sequence of complete GIFs; the message names the structure and offset. */
public final class GifSequenceException extends IOException {
    private final long offset;

    GifSequenceException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Where in the stream the fault is. */
    public long offset() {
        return offset;
    }
}
