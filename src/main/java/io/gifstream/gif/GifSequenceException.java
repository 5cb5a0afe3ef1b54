package io.gifstream.gif;

import java.io.IOException;

/** A stream read by {@link GifSequenceReader} that is not a sequence of complete GIFs; the message names the structure and offset. */
public final class GifSequenceException extends IOException {
    private final long offset;
    private final boolean truncated;

    GifSequenceException(String message, long offset, boolean truncated) {
        super(message);
        this.offset = offset;
        this.truncated = truncated;
    }

    /** Whether the stream just ended inside a GIF (its writer stopped), rather than holding something else. */
    public boolean truncated() {
        return truncated;
    }

    /** Where in the stream the fault is. */
    public long offset() {
        return offset;
    }
}
