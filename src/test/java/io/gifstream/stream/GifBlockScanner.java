package io.gifstream.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks what a viewer received, written independently of the production code: the header first
 * (GIF89a, a screen without a global table, the NETSCAPE2.0 loop block), then only whole blocks —
 * frames (Graphic Control Extension + image with a local table, inside the screen), comments, and at
 * most one trailer, after which nothing may follow. Bytes are fed as they are written; a block cut in
 * two shows as {@link #pendingBytes()} between writes.
 */
final class GifBlockScanner {
    static final int LAST_FRAME_DELAY = 0xFFFF;

    private byte[] pending = new byte[0];
    private boolean headerSeen;
    private int width;
    private int height;
    private int liveFrames;
    private int lastFrames;
    private int comments;
    private boolean trailerSeen;

    void feed(byte[] bytes) {
        byte[] all = Arrays.copyOf(pending, pending.length + bytes.length);
        System.arraycopy(bytes, 0, all, pending.length, bytes.length);
        int at = 0;
        int next;
        while (at < all.length && (next = item(all, at)) > 0) {
            at = next;
        }
        pending = Arrays.copyOfRange(all, at, all.length);
    }

    int pendingBytes() {
        return pending.length;
    }

    boolean headerSeen() {
        return headerSeen;
    }

    int liveFrames() {
        return liveFrames;
    }

    int lastFrames() {
        return lastFrames;
    }

    int comments() {
        return comments;
    }

    boolean trailerSeen() {
        return trailerSeen;
    }

    // the offset after one whole item starting at {@code at}, or -1 when it is not complete yet
    private int item(byte[] b, int at) {
        if (trailerSeen) {
            throw new AssertionError("bytes after the trailer");
        }
        if (!headerSeen) {
            return header(b, at);
        }
        int introducer = b[at] & 0xFF;
        if (introducer == 0x3B) {
            trailerSeen = true;
            return at + 1;
        }
        if (introducer != 0x21) {
            throw new AssertionError(String.format("expected an extension or the trailer, got 0x%02X", introducer));
        }
        if (at + 1 >= b.length) {
            return -1;
        }
        int label = b[at + 1] & 0xFF;
        if (label == 0xFE) {
            int end = subBlocks(b, at + 2);
            if (end > 0) {
                comments++;
            }
            return end;
        }
        if (label != 0xF9) {
            throw new AssertionError(String.format("unexpected extension 0x%02X between frames", label));
        }
        return frame(b, at);
    }

    // 6 - "GIF89a", 2 - width, 2 - height, 1 - flags (0x80: global table, must be clear), 1, 1;
    // then 0x21 0xFF and the NETSCAPE2.0 sub-blocks
    private int header(byte[] b, int at) {
        if (b.length - at < 15) {
            return -1;
        }
        String signature = new String(b, at, 6, StandardCharsets.US_ASCII);
        if (!signature.equals("GIF89a")) {
            throw new AssertionError("stream does not start with GIF89a: " + signature);
        }
        if ((b[at + 10] & 0x80) != 0) {
            throw new AssertionError("stream header carries a global color table");
        }
        if ((b[at + 13] & 0xFF) != 0x21 || (b[at + 14] & 0xFF) != 0xFF) {
            throw new AssertionError("screen descriptor not followed by the loop block");
        }
        int end = subBlocks(b, at + 15);
        if (end > 0) {
            headerSeen = true;
            width = u16(b, at + 6);
            height = u16(b, at + 8);
        }
        return end;
    }

    // GCE: 0x21 0xF9 4, flags, 2 - delay, index, 0; Image Descriptor: 0x2C, 2 - left, 2 - top,
    // 2 - width, 2 - height, flags (0x80 local table, 0-2 its size); the table; LZW code size; sub-blocks
    private int frame(byte[] b, int at) {
        if (b.length - at < 8 + 10) {
            return -1;
        }
        if (b[at + 2] != 4 || b[at + 7] != 0) {
            throw new AssertionError("malformed graphic control extension");
        }
        int delay = u16(b, at + 4);
        int image = at + 8;
        if ((b[image] & 0xFF) != 0x2C) {
            throw new AssertionError("graphic control extension not followed by an image");
        }
        int left = u16(b, image + 1);
        int top = u16(b, image + 3);
        int w = u16(b, image + 5);
        int h = u16(b, image + 7);
        if (left + w > width || top + h > height) {
            throw new AssertionError("a " + w + "x" + h + " image at " + left + "," + top
                    + " does not fit the " + width + "x" + height + " stream");
        }
        int flags = b[image + 9] & 0xFF;
        if ((flags & 0x80) == 0) {
            throw new AssertionError("frame without a local color table");
        }
        int codeSize = image + 10 + (3 << ((flags & 7) + 1));
        if (codeSize >= b.length) {
            return -1;
        }
        int end = subBlocks(b, codeSize + 1);
        if (end > 0) {
            if (delay == LAST_FRAME_DELAY) {
                lastFrames++;
            } else {
                if (lastFrames > 0) {
                    throw new AssertionError("a live frame after the last frame");
                }
                liveFrames++;
            }
        }
        return end;
    }

    private static int subBlocks(byte[] b, int at) {
        while (at < b.length) {
            int size = b[at] & 0xFF;
            if (size == 0) {
                return at + 1;
            }
            at += size + 1;
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
