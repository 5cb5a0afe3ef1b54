package io.gifstream.gif;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Splits a stream of complete GIF files written back to back (ffmpeg's
 * {@code -f image2pipe -c:v gif -gifimage 1 -}) into one byte array per file. It finds each file's end
 * by walking its blocks up to the trailer; it does not decode or judge the image: each file goes on to
 * {@link FrameParser} like a frame file from a directory. A stream that is not GIFs, or ends inside
 * one, or holds one over {@link ParserLimits#maxBytes()}, throws {@link GifSequenceException}: there
 * is no telling where the next file would begin. Used by one thread.
 */
public final class GifSequenceReader {
    private static final int EXTENSION_INTRODUCER = 0x21;
    private static final int IMAGE_SEPARATOR = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int COLOR_TABLE_FLAG = 0x80;
    private static final int COLOR_TABLE_SIZE_MASK = 0x07;
    private static final int HEADER_LENGTH = 6;
    private static final int SCREEN_DESCRIPTOR_LENGTH = 7;
    private static final int IMAGE_DESCRIPTOR_LENGTH = 9; // after its separator

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private long fileStart;   // offset in the stream of the file being read
    private long consumed;    // bytes read from the stream so far

    public GifSequenceReader(InputStream in, ParserLimits limits) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.maxBytes = limits.maxBytes();
    }

    /**
     * The next complete GIF file, or empty when the stream ends where a file would begin.
     *
     * @throws GifSequenceException when the stream is not a sequence of complete GIFs
     * @throws IOException          when reading the stream fails
     */
    public Optional<byte[]> next() throws IOException {
        file.reset();
        fileStart = consumed;
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        append(first);
        readHeader();
        // Logical Screen Descriptor: 2 - width, 2 - height,
        // 1 - flags: 7 global color table, 4-6 color resolution, 3 sort, 0-2 size of the global color table
        // 1 - background color index, 1 - pixel aspect ratio
        byte[] screen = bytes(SCREEN_DESCRIPTOR_LENGTH, "logical screen descriptor");
        skipColorTable(screen[4], "global color table");
        while (true) {
            int introducer = u8("block introducer");
            switch (introducer) {
                case EXTENSION_INTRODUCER -> {
                    u8("extension label");
                    skipSubBlocks("extension");
                }
                case IMAGE_SEPARATOR -> {
                    // Image Descriptor: 2 - left, 2 - top, 2 - width, 2 - height,
                    // 1 - flags: 7 local color table, 6 interlace, 5 sort, 0-2 size of the local color table
                    byte[] descriptor = bytes(IMAGE_DESCRIPTOR_LENGTH, "image descriptor");
                    skipColorTable(descriptor[8], "local color table");
                    u8("LZW minimum code size");
                    skipSubBlocks("LZW data");
                }
                case TRAILER -> {
                    return Optional.of(file.toByteArray());
                }
                default -> throw broken("unknown block introducer (not an extension, image or trailer)", consumed - 1);
            }
        }
    }

    /** Bytes read from the stream so far. */
    public long offset() {
        return consumed;
    }

    // 6 - signature and version: "GIF87a" or "GIF89a"
    // (what is there is checked before the length, so garbage is named as such even when it is short)
    private void readHeader() throws IOException {
        byte[] rest = in.readNBytes(HEADER_LENGTH - 1);
        file.write(rest, 0, rest.length);
        consumed += rest.length;
        String signature = file.toString(StandardCharsets.ISO_8859_1);
        if (!"GIF87a".startsWith(signature) && !"GIF89a".startsWith(signature)) {
            throw broken("not a GIF: signature is not GIF87a or GIF89a", fileStart);
        }
        if (rest.length < HEADER_LENGTH - 1) {
            throw truncated("GIF header");
        }
    }

    private void skipColorTable(byte flags, String what) throws IOException {
        if ((flags & COLOR_TABLE_FLAG) != 0) {
            bytes(ColorTable.byteLength(flags & COLOR_TABLE_SIZE_MASK), what);
        }
    }

    // data sub-blocks: 1 - size, size bytes; a block of size 0 ends the chain
    private void skipSubBlocks(String what) throws IOException {
        int size;
        while ((size = u8(what + " sub-block size")) != 0) {
            bytes(size, what);
        }
    }

    private int u8(String what) throws IOException {
        requireRoom(1, what);
        int value = in.read();
        if (value < 0) {
            throw truncated(what);
        }
        append(value);
        return value;
    }

    private byte[] bytes(int length, String what) throws IOException {
        requireRoom(length, what);
        byte[] read = in.readNBytes(length);
        file.write(read, 0, read.length);
        consumed += read.length;
        if (read.length < length) {
            throw truncated(what);
        }
        return read;
    }

    private void append(int value) {
        file.write(value);
        consumed++;
    }

    private void requireRoom(int length, String what) throws GifSequenceException {
        if (file.size() + (long) length > maxBytes) {
            throw broken("GIF over the " + maxBytes + "-byte limit at its " + what, consumed);
        }
    }

    private GifSequenceException truncated(String what) {
        return new GifSequenceException(describe("stream ended inside a GIF: truncated " + what, consumed), consumed, true);
    }

    private GifSequenceException broken(String reason, long offset) {
        return new GifSequenceException(describe(reason, offset), offset, false);
    }

    private String describe(String reason, long offset) {
        return reason + " at byte " + offset + " of the stream (byte " + (offset - fileStart)
                + " of the GIF that began at byte " + fileStart + ")";
    }
}
