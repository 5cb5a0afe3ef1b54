package io.gifstream.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays a GIF byte sequence (a file, or a stream's header followed by any of its frames) onto a screen
 * the way browsers do, written from the GIF89a spec independently of the production code, and hands
 * out the whole screen after each image is drawn: ARGB pixels, row by row, 0 for a clear pixel.
 * <ul>
 * <li>The screen starts clear (section 18: browsers ignore the background colour).</li>
 * <li>An image is drawn inside its rectangle, clipped to the screen; its transparent index (section
 *     23) leaves the screen under it as it was.</li>
 * <li>After the image was shown and before the next one is drawn its disposal applies to its rectangle
 *     (section 23): 0, 1 and the undefined 4-7 leave it, 2 clears it (Chromium and Firefox restore to
 *     transparent, not to the background colour), 3 restores what the rectangle held before.</li>
 * </ul>
 */
public final class GifCompositor {
    private static final int MAX_CODES = 4096;

    private final byte[] gif;
    private int at;
    private int width;
    private int height;
    private int[] screen;
    private int[] globalTable;
    private int pendingTransparent = -1;
    private int pendingDisposal;
    private Runnable disposeLast = () -> { };

    private GifCompositor(byte[] gif) {
        this.gif = gif;
    }

    /** The screen after each image of the sequence was drawn, in order; a missing trailer is fine. */
    public static List<int[]> screens(byte[] gif) {
        return new GifCompositor(gif).play();
    }

    /** The screen a single-image GIF shows as a still. */
    public static int[] still(byte[] gif) {
        List<int[]> screens = screens(gif);
        if (screens.size() != 1) {
            throw new IllegalArgumentException("not a still: " + screens.size() + " images");
        }
        return screens.get(0);
    }

    private List<int[]> play() {
        String signature = new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII);
        if (!signature.equals("GIF89a") && !signature.equals("GIF87a")) {
            throw new IllegalArgumentException("not a GIF: " + signature);
        }
        at = 6;
        // Logical Screen Descriptor: 2 - width, 2 - height, 1 - flags (7 global table, 0-2 its size), 1, 1
        width = u16();
        height = u16();
        int flags = u8();
        at += 2;
        if ((flags & 0x80) != 0) {
            globalTable = colorTable(flags & 7);
        }
        screen = new int[width * height];
        List<int[]> shown = new ArrayList<>();
        while (at < gif.length) {
            int introducer = u8();
            if (introducer == 0x3B) {
                break;
            } else if (introducer == 0x21) {
                extension();
            } else if (introducer == 0x2C) {
                image();
                shown.add(screen.clone());
            } else {
                throw new IllegalArgumentException(String.format("block 0x%02X at byte %d", introducer, at - 1));
            }
        }
        return shown;
    }

    // Graphic Control Extension: 0xF9, 4, flags (2-4 disposal, 0 transparency), 2 - delay, 1 - index, 0
    private void extension() {
        int label = u8();
        byte[] data = subBlocks();
        if (label == 0xF9) {
            pendingDisposal = (data[0] >> 2) & 7;
            pendingTransparent = (data[0] & 1) != 0 ? data[3] & 0xFF : -1;
        }
    }

    // Image Descriptor: 2 - left, 2 - top, 2 - width, 2 - height, 1 - flags (7 local table, 6 interlace,
    // 0-2 table size), the local table, 1 - LZW minimum code size, data sub-blocks
    private void image() {
        int left = u16();
        int top = u16();
        int w = u16();
        int h = u16();
        int flags = u8();
        int[] table = (flags & 0x80) != 0 ? colorTable(flags & 7) : globalTable;
        if (table == null) {
            throw new IllegalArgumentException("image without a color table at byte " + at);
        }
        int minCodeSize = u8();
        int[] indices = decodeLzw(subBlocks(), minCodeSize, w * h);
        if ((flags & 0x40) != 0) {
            indices = deinterlace(indices, w, h);
        }

        disposeLast.run();
        int right = Math.min(left + w, width);
        int bottom = Math.min(top + h, height);
        int[] before = screen.clone();
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                int index = indices[(y - top) * w + (x - left)];
                if (index < 0 || index == pendingTransparent) {
                    continue;
                }
                if (index >= table.length) {
                    throw new IllegalArgumentException("index " + index + " beyond a table of " + table.length);
                }
                screen[y * width + x] = table[index];
            }
        }
        int disposal = pendingDisposal;
        disposeLast = () -> {
            for (int y = top; y < bottom; y++) {
                for (int x = left; x < right; x++) {
                    int i = y * width + x;
                    if (disposal == 2) {
                        screen[i] = 0;
                    } else if (disposal == 3) {
                        screen[i] = before[i];
                    }
                }
            }
        };
        pendingDisposal = 0;
        pendingTransparent = -1;
    }

    /** Variable-length LZW as in GIF89a appendix F; pixels the data does not reach stay -1 (not drawn). */
    static int[] decodeLzw(byte[] data, int minCodeSize, int pixels) {
        int[] out = new int[pixels];
        Arrays.fill(out, -1);
        int clear = 1 << minCodeSize;
        int end = clear + 1;
        int[] prefix = new int[MAX_CODES];
        int[] suffix = new int[MAX_CODES];
        int[] first = new int[MAX_CODES];
        for (int i = 0; i < clear; i++) {
            suffix[i] = i;
            first[i] = i;
            prefix[i] = -1;
        }
        int[] stack = new int[MAX_CODES];
        int codeSize = minCodeSize + 1;
        int next = end + 1;
        int previous = -1;
        int written = 0;
        long bits = 0;
        int bitCount = 0;
        int byteAt = 0;
        while (written < pixels) {
            while (bitCount < codeSize && byteAt < data.length) {
                bits |= (long) (data[byteAt++] & 0xFF) << bitCount;
                bitCount += 8;
            }
            if (bitCount < codeSize) {
                break;
            }
            int code = (int) (bits & ((1 << codeSize) - 1));
            bits >>>= codeSize;
            bitCount -= codeSize;
            if (code == clear) {
                codeSize = minCodeSize + 1;
                next = end + 1;
                previous = -1;
                continue;
            }
            if (code == end) {
                break;
            }
            int emit;
            if (previous < 0) {
                emit = code;
            } else if (code < next) {
                emit = code;
                if (next < MAX_CODES) {
                    prefix[next] = previous;
                    suffix[next] = first[code];
                    first[next] = first[previous];
                    next++;
                }
            } else if (code == next && next < MAX_CODES) {
                prefix[next] = previous;
                suffix[next] = first[previous];
                first[next] = first[previous];
                next++;
                emit = code;
            } else {
                throw new IllegalArgumentException("LZW code " + code + " before it was defined");
            }
            int depth = 0;
            for (int c = emit; c >= 0; c = prefix[c]) {
                stack[depth++] = suffix[c];
            }
            while (depth > 0 && written < pixels) {
                out[written++] = stack[--depth];
            }
            if (next == 1 << codeSize && codeSize < 12) {
                codeSize++;
            }
            previous = code;
        }
        return out;
    }

    // rows come in four passes: every 8th from 0, every 8th from 4, every 4th from 2, every 2nd from 1
    private static int[] deinterlace(int[] rows, int w, int h) {
        int[] out = new int[rows.length];
        int source = 0;
        int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};
        for (int[] pass : passes) {
            for (int y = pass[0]; y < h; y += pass[1]) {
                System.arraycopy(rows, source * w, out, y * w, w);
                source++;
            }
        }
        return out;
    }

    private int[] colorTable(int sizeField) {
        int[] argb = new int[2 << sizeField];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | u8() << 16 | u8() << 8 | u8();
        }
        return argb;
    }

    private byte[] subBlocks() {
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int size;
        while ((size = u8()) != 0) {
            data.write(gif, at, size);
            at += size;
        }
        return data.toByteArray();
    }

    private int u8() {
        if (at >= gif.length) {
            throw new IllegalArgumentException("truncated at byte " + at);
        }
        return gif[at++] & 0xFF;
    }

    private int u16() {
        return u8() | u8() << 8;
    }
}
