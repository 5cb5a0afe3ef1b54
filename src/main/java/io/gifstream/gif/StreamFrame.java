package io.gifstream.gif;

import java.io.ByteArrayOutputStream;

/**
 * One frame as it goes on the wire, encoded once and shared by every viewer: a Graphic Control
 * Extension with the frame's delay, the source's transparency and disposal "restore to background",
 * the Image Descriptor with the frame's palette as a Local Color Table, and the source's LZW data
 * verbatim. Every frame leaves a clear screen behind it, so each one shows exactly what its file
 * shows as a still, whichever frames the viewer received before it.
 * A second copy differs only in its delay, {@link #MIN_DELAY_CENTISECONDS}: for a viewer whose
 * browser is behind, so that it catches up instead of lagging for good (browsers play every frame
 * for its full delay and skip none).
 */
public final class StreamFrame {
    /** Browsers show delays of 0 and 1 centisecond as 10 (Chromium, Firefox): never send less than 2. */
    public static final int MIN_DELAY_CENTISECONDS = 2;
    /** The longest delay a GIF can state: about 11 minutes. */
    public static final int MAX_DELAY_CENTISECONDS = 0xFFFF;

    private static final int LOCAL_COLOR_TABLE_FLAG = 0x80;
    private static final int INTERLACE_FLAG = 0x40;
    private static final int SORT_FLAG = 0x20;
    private static final int TRANSPARENT_COLOR_FLAG = 0x01;
    private static final int DISPOSAL_SHIFT = 2;
    /**
     * GIF89a section 23 disposal 2; browsers (Chromium, Firefox) restore to transparent, not to the
     * background colour. The screen starts clear and each frame draws only inside its rectangle, so if
     * every frame clears its rectangle after it was shown, the next frame, whichever it is, is drawn
     * on a clear screen: outside its rectangle and under its transparent pixels nothing earlier shows.
     * The source's own disposal is dropped: its file has no frame after it, and the "do not dispose"
     * that ffmpeg writes would leave this frame under whichever frame a viewer gets next.
     */
    private static final int RESTORE_TO_BACKGROUND = 2;

    private final StreamHeader header;
    private final int delayCentiseconds;
    private final byte[] bytes;
    private final byte[] catchUpBytes;
    private final byte[] still;

    private StreamFrame(StreamHeader header, int delayCentiseconds, byte[] bytes, byte[] catchUpBytes, byte[] still) {
        this.header = header;
        this.delayCentiseconds = delayCentiseconds;
        this.bytes = bytes;
        this.catchUpBytes = catchUpBytes;
        this.still = still;
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
        int delay = clampDelay(delayCentiseconds);
        ColorTable palette = source.colorTable();
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                32 + palette.rgb().length + source.lzwData.length);

        // Graphic Control Extension: 0x21 0xF9 4, flags (2-4 disposal, 0 transparency), 2 - delay, 1 - index, 0
        int transparent = source.transparentIndex();
        out.write(0x21);
        out.write(0xF9);
        out.write(4);
        out.write(RESTORE_TO_BACKGROUND << DISPOSAL_SHIFT | (transparent >= 0 ? TRANSPARENT_COLOR_FLAG : 0));
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
        byte[] bytes = out.toByteArray();
        return new StreamFrame(header, delay, bytes, withDelay(bytes, MIN_DELAY_CENTISECONDS), still(header, bytes));
    }

    /** The same frame shown for another time, e.g. {@link #MAX_DELAY_CENTISECONDS} as a stream's last frame. */
    public StreamFrame withDelay(int centiseconds) {
        int delay = clampDelay(centiseconds);
        return new StreamFrame(header, delay, withDelay(bytes, delay), catchUpBytes, still);
    }

    // the delay is bytes 4 and 5 of the Graphic Control Extension that starts every stream frame
    private static byte[] withDelay(byte[] frame, int centiseconds) {
        byte[] copy = frame.clone();
        copy[4] = (byte) centiseconds;
        copy[5] = (byte) (centiseconds >> 8);
        return copy;
    }

    private static int clampDelay(int centiseconds) {
        return Math.max(MIN_DELAY_CENTISECONDS, Math.min(MAX_DELAY_CENTISECONDS, centiseconds));
    }

    public StreamHeader header() {
        return header;
    }

    /** How long browsers show this frame, in centiseconds. */
    public int delayCentiseconds() {
        return delayCentiseconds;
    }

    /** The frame's bytes; a shared array that callers must not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** The frame with the shortest delay browsers honour, for catching up; shared, not to be modified. */
    public byte[] catchUpBytes() {
        return catchUpBytes;
    }

    /**
     * This frame alone as a complete still GIF (header without the loop block, the frame, the trailer),
     * for snapshots and for browsers that animate no GIF before they have all of it; a shared array that
     * callers must not modify.
     */
    public byte[] asStill() {
        return still;
    }

    private static byte[] still(StreamHeader header, byte[] frame) {
        byte[] screen = header.stillHeader();
        byte[] still = new byte[screen.length + frame.length + 1];
        System.arraycopy(screen, 0, still, 0, screen.length);
        System.arraycopy(frame, 0, still, screen.length, frame.length);
        still[still.length - 1] = GifBlocks.TRAILER;
        return still;
    }

    static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }
}
