package io.gifstream.gif;

/**
 * Walks the LZW image data of one image (GIF89a section 22, appendix F) without storing pixels:
 * checks every code against the growing table, every literal against the palette size and the total
 * pixel count against the image size. A frame that passes decodes the same in every browser.
 */
final class LzwData {
    static final int MAX_CODES = 4096;
    private static final int MAX_CODE_BITS = 12;

    private LzwData() {
    }

    /**
     * @param codes      the concatenated data sub-blocks (without their length bytes)
     * @param dataOffset file offset of the image data, for error messages
     * @param complete   whether {@code codes} is all of the image data; if not (the file ends inside it),
     *                   only the codes present are checked and too few pixels is no fault
     */
    static void validate(byte[] codes, int minCodeSize, long pixels, int paletteEntries, int dataOffset,
                         boolean complete) {
        final int clear = 1 << minCodeSize;
        final int endOfInformation = clear + 1;
        int[] lengths = new int[MAX_CODES];
        int codeSize = minCodeSize + 1;
        int next = clear + 2;
        int previous = -1;
        long decoded = 0;

        int bitBuffer = 0;
        int bitCount = 0;
        int index = 0;
        while (true) {
            while (bitCount < codeSize && index < codes.length) {
                bitBuffer |= (codes[index++] & 0xFF) << bitCount;
                bitCount += 8;
            }
            if (bitCount < codeSize) {
                break; // data ran out without an End Of Information code: tolerated if complete, checked below
            }
            int code = bitBuffer & ((1 << codeSize) - 1);
            bitBuffer >>>= codeSize;
            bitCount -= codeSize;

            if (code == clear) {
                codeSize = minCodeSize + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }
            if (code == endOfInformation) {
                break;
            }
            int length;
            if (code < clear) {
                if (code >= paletteEntries) {
                    throw invalid("pixel index " + code + " outside the " + paletteEntries + "-entry color table", dataOffset);
                }
                length = 1;
            } else if (previous == -1) {
                throw invalid("LZW data starts with table code " + code + " instead of a literal", dataOffset);
            } else if (code < next) {
                length = lengths[code];
            } else if (code == next && next < MAX_CODES) {
                length = lengthOf(previous, clear, lengths) + 1; // the KwKwK case: previous string + its own first pixel
            } else {
                throw invalid("LZW code " + code + " beyond the table (next free code " + next + ")", dataOffset);
            }
            if (previous != -1 && next < MAX_CODES) {
                lengths[next] = lengthOf(previous, clear, lengths) + 1;
                next++;
                if (next == 1 << codeSize && codeSize < MAX_CODE_BITS) {
                    codeSize++;
                }
            }
            decoded += length;
            if (decoded > pixels) {
                throw invalid("LZW data holds more than the image's " + pixels + " pixels", dataOffset);
            }
            previous = code;
        }
        if (complete && decoded < pixels) {
            throw new Malformed(Malformed.Kind.INVALID,
                    "LZW data ends after " + decoded + " of " + pixels + " pixels", dataOffset);
        }
    }

    private static int lengthOf(int code, int clear, int[] lengths) {
        return code < clear ? 1 : lengths[code];
    }

    private static Malformed invalid(String reason, int offset) {
        return new Malformed(Malformed.Kind.INVALID, reason, offset);
    }
}
