package io.gifstream.gif;

/** Internal signal of the parser; it never leaves the package: {@link FrameParser} turns it into a {@link FrameRejected}. */
final class Malformed extends RuntimeException {
    enum Kind { TRUNCATED, INVALID, OVER_LIMIT }

    final Kind kind;
    final int offset;

    Malformed(Kind kind, String reason, int offset) {
        super(reason, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }
}
