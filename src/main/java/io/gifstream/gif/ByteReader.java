package io.gifstream.gif;

/**
 * Sequential little-endian reader over one GIF file. Running past the end throws
 * {@link Malformed} with the offset, so a truncated file is reported, never read out of bounds.
 */
final class ByteReader {
    private final byte[] data;
    private int position;

    ByteReader(byte[] data) {
        this.data = data;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    boolean atEnd() {
        return position >= data.length;
    }

    int u8(String what) {
        require(1, what);
        return data[position++] & 0xFF;
    }

    int u16(String what) {
        require(2, what);
        int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    /** Returns the offset of the skipped range, so callers can slice it later without a copy now. */
    int skip(int length, String what) {
        require(length, what);
        int start = position;
        position += length;
        return start;
    }

    byte[] copy(int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    void appendTo(java.io.ByteArrayOutputStream out, int from, int length) {
        out.write(data, from, length);
    }

    private void require(int length, String what) {
        if (data.length - position < length) {
            throw new Malformed(Malformed.Kind.TRUNCATED, "truncated " + what, position);
        }
    }
}
