package io.gifstream.gif;

import java.io.ByteArrayOutputStream;

/**
 * One frame as it goes on the wire, encoded once and shared by every viewer: a Graphic Control
 * Extension with the stream's delay (the source's transparency and disposal kept), the Image
 * Descriptor with the frame's palette as a Local Color Table, and the source's LZW data verbatim.
 */
public final class StreamFrame {
    /** Browsers show delays of 0 and 1 centisecond as 10 (Chromium, Firefox): never send less than 2. */
    public static final int MIN_DELAY_CENTISECONDS = 2;

    private static final int LOCAL_COLOR_TABLE_FLAG = 0x80;
    private static final int INTERLACE_FLAG = 0x40;
    private static final int SORT_FLAG = 0x20;
    private static final int TRANSPARENT_COLOR_FLAG = 0x01;

    private final StreamHeader header;
    private final byte[] bytes;

    private StreamFrame(StreamHeader header, byte[] bytes) {
        this.header = header;
        this.bytes = bytes;
    }

    /**
     * @param header the stream this frame belongs to; it must {@link StreamHeader#fits fit} the source
     * @param delayCentiseconds how long browsers show the frame, at least {@link #MIN_DELAY_CENTISECONDS}
     */
    public static StreamFrame encode(StreamHeader header, SourceFrame source, int delayCentiseconds) {
        if (!header.fits(source)) {
            throw new IllegalArgumentException("a " + source.screenWidth() + "x" + source.screenHeight()
                    + " frame does not fit a " + header.width() + "x" + header.height() + " stream");
        }
        int delay = Math.max(MIN_DELAY_CENTISECONDS, Math.min(0xFFFF, delayCentiseconds));
        ColorTable palette = source.colorTable();
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                32 + palette.rgb().length + source.lzwData.length);

        // Graphic Control Extension: 0x21 0xF9 4, flags (2-4 disposal, 0 transparency), 2 - delay, 1 - index, 0
        int transparent = source.transparentIndex();
        out.write(0x21);
        out.write(0xF9);
        out.write(4);
        out.write(source.disposalMethod() << 2 | (transparent >= 0 ? TRANSPARENT_COLOR_FLAG : 0));
        writeU16(out, delay);
        out.write(Math.max(transparent, 0));
        out.write(0);

        // Image Descriptor with a Local Color Table: the source's effective palette, global or local
        out.write(0x2C);
        writeU16(out, source.left());
        writeU16(out, source.top());
        writeU16(out, source.width());
        writeU16(out, source.height());
        out.write(LOCAL_COLOR_TABLE_FLAG
                | (source.interlaced() ? INTERLACE_FLAG : 0)
                | (palette.sorted() ? SORT_FLAG : 0)
                | palette.sizeField());
        out.writeBytes(palette.rgb());
        out.writeBytes(source.lzwData);
        return new StreamFrame(header, out.toByteArray());
    }

    public StreamHeader header() {
        return header;
    }

    /** The frame's bytes; a shared array that callers must not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** This frame alone as a complete still GIF (header without the loop block, the frame, the trailer). */
    public byte[] asStill() {
        byte[] screen = header.stillHeader();
        byte[] still = new byte[screen.length + bytes.length + 1];
        System.arraycopy(screen, 0, still, 0, screen.length);
        System.arraycopy(bytes, 0, still, screen.length, bytes.length);
        still[still.length - 1] = GifBlocks.TRAILER;
        return still;
    }

    static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }
}
