package io.gifstream.gif;

/**
 * A file that is not a usable single-image GIF, with the reason and the byte offset it is about.
 * {@code truncated} tells a file that simply ends too early (possibly still being written) from one
 * that is broken.
 */
public record FrameRejected(String reason, int offset, boolean truncated) implements ParseResult {

    /** One line for a log or the status page, e.g. "truncated LZW data at byte 4031". */
    public String describe() {
        return reason + " at byte " + offset;
    }
}
