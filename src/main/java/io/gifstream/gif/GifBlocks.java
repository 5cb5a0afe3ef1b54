package io.gifstream.gif;

import java.nio.charset.StandardCharsets;

/** Small fixed blocks that may stand between frames of a stream. */
public final class GifBlocks {
    /** Ends a GIF data stream (GIF89a section 27). */
    public static final byte TRAILER = 0x3B;

    private GifBlocks() {
    }

    /** A one-byte array holding the trailer. */
    public static byte[] trailer() {
        return new byte[] {TRAILER};
    }

    /**
     * A Comment Extension (0x21 0xFE, sub-blocks, 0): decoders ignore it, but its bytes keep
     * proxies with idle timeouts from closing a stream during a pause in frames.
     */
    public static byte[] comment(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length == 0 || ascii.length > 255) {
            throw new IllegalArgumentException("comment must be 1..255 bytes: " + text);
        }
        byte[] block = new byte[ascii.length + 4];
        block[0] = 0x21;
        block[1] = (byte) 0xFE;
        block[2] = (byte) ascii.length;
        System.arraycopy(ascii, 0, block, 3, ascii.length);
        block[block.length - 1] = 0;
        return block;
    }
}
