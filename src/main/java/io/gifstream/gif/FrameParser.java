package io.gifstream.gif;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Parses one single-image GIF87a/GIF89a file completely (header, every block, the LZW data and the
 * trailer) and returns either a {@link SourceFrame} or a {@link FrameRejected} naming the structure
 * and byte offset at fault. Never throws for bad input and never allocates by a size the file claims
 * beyond {@link ParserLimits}.
 */
public final class FrameParser {
    private static final int EXTENSION_INTRODUCER = 0x21;
    private static final int IMAGE_SEPARATOR = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL_LABEL = 0xF9;

    // Logical Screen Descriptor and Image Descriptor packed fields (GIF89a sections 18, 20)
    private static final int COLOR_TABLE_FLAG = 0x80;
    private static final int INTERLACE_FLAG = 0x40;
    private static final int SCREEN_SORT_FLAG = 0x08;
    private static final int IMAGE_SORT_FLAG = 0x20;
    private static final int COLOR_TABLE_SIZE_MASK = 0x07;

    // Graphic Control Extension packed field (section 23)
    private static final int TRANSPARENT_COLOR_FLAG = 0x01;

    private final ParserLimits limits;

    public FrameParser(ParserLimits limits) {
        this.limits = limits;
    }

    public ParseResult parse(byte[] file) {
        if (file.length > limits.maxBytes()) {
            return new FrameRejected("file of " + file.length + " bytes is over the "
                    + limits.maxBytes() + "-byte limit", 0, false);
        }
        try {
            return new Parse(file).frame();
        } catch (Malformed e) {
            return new FrameRejected(e.getMessage(), e.offset, e.kind == Malformed.Kind.TRUNCATED);
        }
    }

    /** State of one parse: the reader and what the blocks seen so far said. */
    private final class Parse {
        private final ByteReader in;
        private int screenWidth;
        private int screenHeight;
        private int screenFlags;
        private int aspectRatio;
        private ColorTable globalTable;
        private int transparentIndex = -1;
        private SourceFrame image;

        Parse(byte[] file) {
            this.in = new ByteReader(file);
        }

        SourceFrame frame() {
            readHeader();
            readLogicalScreen();
            while (true) {
                int offset = in.position();
                int introducer = in.u8("block introducer");
                switch (introducer) {
                    case EXTENSION_INTRODUCER -> readExtension();
                    case IMAGE_SEPARATOR -> readImage(offset);
                    case TRAILER -> {
                        if (image == null) {
                            throw invalid("trailer before any image", offset);
                        }
                        if (!in.atEnd()) {
                            throw invalid("data after the trailer", in.position());
                        }
                        return image;
                    }
                    default -> throw invalid("unknown block introducer (not an extension, image or trailer)", offset);
                }
            }
        }

        // 6 - signature and version: "GIF87a" or "GIF89a".
        // Checked on what is there before the length: a file still being written may wait only if its
        // first bytes could begin a GIF (an empty file can; a PNG's first three bytes cannot).
        private void readHeader() {
            int present = Math.min(in.remaining(), 6);
            String signature = new String(in.copy(0, present), StandardCharsets.ISO_8859_1);
            if (!"GIF87a".startsWith(signature) && !"GIF89a".startsWith(signature)) {
                throw invalid("not a GIF: signature is not GIF87a or GIF89a", 0);
            }
            in.skip(6, "GIF header");
        }

        // Logical Screen Descriptor, 7 bytes:
        // 2 - screen width, 2 - screen height,
        // 1 - flags: 7 global color table, 4-6 color resolution, 3 sort, 0-2 size of the global color table
        // 1 - background color index, 1 - pixel aspect ratio
        private void readLogicalScreen() {
            // each field is checked as soon as it is read, so a broken file is never mistaken for an unfinished one
            screenWidth = in.u16("logical screen width");
            if (screenWidth == 0) {
                throw invalid("empty logical screen: width 0", 6);
            }
            screenHeight = in.u16("logical screen height");
            if (screenHeight == 0) {
                throw invalid("empty logical screen: height 0", 8);
            }
            checkArea(screenWidth, screenHeight, "logical screen", 6);
            screenFlags = in.u8("logical screen flags");
            in.u8("background color index");
            aspectRatio = in.u8("pixel aspect ratio");
            if ((screenFlags & COLOR_TABLE_FLAG) != 0) {
                globalTable = readColorTable(screenFlags, (screenFlags & SCREEN_SORT_FLAG) != 0, "global color table");
            }
        }

        // Extension: 1 - label, then data sub-blocks (1 - size, size bytes) up to a zero-size terminator.
        // Graphic Control Extension (label 0xF9): 1 - block size (4), 1 - flags: 2-4 disposal, 0 transparency,
        // 2 - delay (centiseconds), 1 - transparent color index, 1 - terminator
        private void readExtension() {
            int labelOffset = in.position();
            int label = in.u8("extension label");
            if (label != GRAPHIC_CONTROL_LABEL) {
                skipSubBlocks(extensionName(label));
                return;
            }
            int blockSize = in.u8("graphic control extension");
            if (blockSize != 4) {
                throw invalid("graphic control extension of size " + blockSize + " instead of 4", labelOffset);
            }
            int flags = in.u8("graphic control extension");
            in.u16("graphic control extension");
            int transparent = in.u8("graphic control extension");
            if (in.u8("graphic control extension terminator") != 0) {
                throw invalid("graphic control extension without its terminator", in.position() - 1);
            }
            if (image == null) {
                transparentIndex = (flags & TRANSPARENT_COLOR_FLAG) != 0 ? transparent : -1;
            }
        }

        // Image Descriptor, 10 bytes with its separator:
        // 2 - left, 2 - top, 2 - width, 2 - height,
        // 1 - flags: 7 local color table, 6 interlace, 5 sort, 0-2 size of the local color table
        // then the optional local color table, 1 - LZW minimum code size, data sub-blocks.
        private void readImage(int offset) {
            if (image != null) {
                throw invalid("a second image (a frame file must hold exactly one)", offset);
            }
            int left = in.u16("image descriptor");
            int top = in.u16("image descriptor");
            int width = in.u16("image descriptor");
            checkImageSpan(left, width, screenWidth, "wide", offset);
            int height = in.u16("image descriptor");
            checkImageSpan(top, height, screenHeight, "high", offset);
            int flags = in.u8("image descriptor");
            ColorTable table = (flags & COLOR_TABLE_FLAG) != 0
                    ? readColorTable(flags, (flags & IMAGE_SORT_FLAG) != 0, "local color table")
                    : globalTable;
            if (table == null) {
                throw invalid("image has neither a local nor a global color table", offset);
            }
            int dataOffset = in.position();
            int minCodeSize = in.u8("LZW minimum code size");
            if (minCodeSize < 2 || minCodeSize > 8) {
                throw invalid("LZW minimum code size " + minCodeSize + " outside 2..8", dataOffset);
            }
            long pixels = (long) width * height;
            ByteArrayOutputStream codes = new ByteArrayOutputStream();
            try {
                readSubBlocks(codes, "LZW data");
            } catch (Malformed truncated) {
                // a file that ends inside its image data may be unfinished only if the codes so far are sound
                LzwData.validate(codes.toByteArray(), minCodeSize, pixels, table.entries(), dataOffset, false);
                throw truncated;
            }
            LzwData.validate(codes.toByteArray(), minCodeSize, pixels, table.entries(), dataOffset, true);
            image = new SourceFrame(screenWidth, screenHeight, screenFlags, aspectRatio,
                    left, top, width, height, (flags & INTERLACE_FLAG) != 0,
                    table, transparentIndex, in.copy(dataOffset, in.position()));
        }

        private ColorTable readColorTable(int flags, boolean sorted, String what) {
            int sizeField = flags & COLOR_TABLE_SIZE_MASK;
            int start = in.skip(ColorTable.byteLength(sizeField), what);
            return new ColorTable(in.copy(start, in.position()), sizeField, sorted);
        }

        private void skipSubBlocks(String what) {
            int size;
            while ((size = in.u8(what + " sub-block size")) != 0) {
                in.skip(size, what);
            }
        }

        /**
         * Appends the payload of a chain of sub-blocks to {@code payload}; bounded by the file's own length.
         * When the file ends inside the chain, what it holds of it is appended before the truncation is thrown.
         */
        private void readSubBlocks(ByteArrayOutputStream payload, String what) {
            int size;
            while ((size = in.u8(what + " sub-block size")) != 0) {
                if (in.remaining() < size) {
                    in.appendTo(payload, in.position(), in.remaining()); // what the file holds of it so far
                }
                in.appendTo(payload, in.skip(size, what), size);
            }
        }

        private void checkImageSpan(int start, int length, int screenLength, String dimension, int offset) {
            if (length == 0) {
                throw invalid("empty image: 0 " + dimension, offset);
            }
            if (start + length > screenLength) {
                throw invalid("image " + length + " " + dimension + " at " + start + " outside the "
                        + screenWidth + "x" + screenHeight + " screen", offset);
            }
        }

        /** Names an extension by its label for messages; never echoes a byte the file chose itself. */
        private static String extensionName(int label) {
            return switch (label) {
                case 0x01 -> "plain text extension";
                case 0xFE -> "comment extension";
                case 0xFF -> "application extension";
                default -> "unknown extension";
            };
        }

        private void checkArea(int width, int height, String what, int offset) {
            long area = (long) width * height;
            if (area > limits.maxPixels()) {
                throw new Malformed(Malformed.Kind.OVER_LIMIT, what + " " + width + "x" + height
                        + " is over the " + limits.maxPixels() + "-pixel limit", offset);
            }
        }

        private Malformed invalid(String reason, int offset) {
            return new Malformed(Malformed.Kind.INVALID, reason, offset);
        }
    }
}
