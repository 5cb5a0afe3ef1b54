package io.gifstream.gif;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Variable-length-code LZW compression as GIF defines it (GIF89a appendix F): codes packed
 * least-significant bit first, a Clear code first and whenever the 4096-entry table is full.
 */
final class LzwEncoder {
    private static final int MAX_BITS = 12;
    private static final int MAX_CODES = 1 << MAX_BITS;
    private static final int HASH_SIZE = 8191; // prime, about twice the table size: short probe chains

    private final int[] hashKeys = new int[HASH_SIZE];
    private final int[] hashCodes = new int[HASH_SIZE];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int bitBuffer;
    private int bitCount;

    private LzwEncoder() {
    }

    /** The LZW minimum code size byte followed by the data sub-blocks and their terminator. */
    static byte[] encode(byte[] pixels, int minCodeSize) {
        return new LzwEncoder().run(pixels, minCodeSize);
    }

    private byte[] run(byte[] pixels, int minCodeSize) {
        final int clear = 1 << minCodeSize;
        final int endOfInformation = clear + 1;
        int codeSize = minCodeSize + 1;
        int next = clear + 2;
        resetTable();

        write(clear, codeSize);
        int prefix = pixels[0] & 0xFF;
        for (int i = 1; i < pixels.length; i++) {
            int pixel = pixels[i] & 0xFF;
            int key = prefix << 8 | pixel;
            int slot = find(key);
            if (hashKeys[slot] == key) {
                prefix = hashCodes[slot];
                continue;
            }
            write(prefix, codeSize);
            // The decoder adds each entry one code later than we do, so it widens its codes one code later.
            if (next >= 1 << codeSize && codeSize < MAX_BITS) {
                codeSize++;
            }
            if (next < MAX_CODES) {
                hashKeys[slot] = key;
                hashCodes[slot] = next++;
            } else {
                write(clear, codeSize);
                resetTable();
                codeSize = minCodeSize + 1;
                next = clear + 2;
            }
            prefix = pixel;
        }
        write(prefix, codeSize);
        if (next >= 1 << codeSize && codeSize < MAX_BITS) {
            codeSize++;
        }
        write(endOfInformation, codeSize);
        if (bitCount > 0) {
            out.write(bitBuffer & 0xFF);
        }
        return subBlocks(minCodeSize, out.toByteArray());
    }

    private int find(int key) {
        int slot = (key * 31 + (key >>> 12)) % HASH_SIZE;
        if (slot < 0) {
            slot += HASH_SIZE;
        }
        while (hashKeys[slot] != -1 && hashKeys[slot] != key) {
            slot = slot + 1 == HASH_SIZE ? 0 : slot + 1;
        }
        return slot;
    }

    private void resetTable() {
        Arrays.fill(hashKeys, -1);
    }

    private void write(int code, int size) {
        bitBuffer |= code << bitCount;
        bitCount += size;
        while (bitCount >= 8) {
            out.write(bitBuffer & 0xFF);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    private static byte[] subBlocks(int minCodeSize, byte[] data) {
        ByteArrayOutputStream blocks = new ByteArrayOutputStream(data.length + data.length / 255 + 3);
        blocks.write(minCodeSize);
        for (int start = 0; start < data.length; start += 255) {
            int length = Math.min(255, data.length - start);
            blocks.write(length);
            blocks.write(data, start, length);
        }
        blocks.write(0);
        return blocks.toByteArray();
    }
}
