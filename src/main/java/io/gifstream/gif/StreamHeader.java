package io.gifstream.gif;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first bytes of a stream: "GIF89a", the first frame's Logical Screen Descriptor without a global
 * table (every frame carries its own local table) and a NETSCAPE2.0 loop-forever block.
 * Two headers are interchangeable when their screens have the same size.
 */
public final class StreamHeader {
    private static final int COLOR_RESOLUTION_MASK = 0x70;

    private final int width;
    private final int height;
    private final byte[] logicalScreen;
    private final byte[] bytes;

    private StreamHeader(int width, int height, byte[] logicalScreen, byte[] bytes) {
        this.width = width;
        this.height = height;
        this.logicalScreen = logicalScreen;
        this.bytes = bytes;
    }

    public static StreamHeader of(SourceFrame first) {
        byte[] screen = logicalScreen(first.screenWidth(), first.screenHeight(),
                first.screenFlags() & COLOR_RESOLUTION_MASK, first.aspectRatio());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(screen);
        out.writeBytes(loopForever());
        return new StreamHeader(first.screenWidth(), first.screenHeight(), screen, out.toByteArray());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether frames of this source can follow this header in one stream. */
    public boolean fits(SourceFrame frame) {
        return frame.screenWidth() == width && frame.screenHeight() == height;
    }

    /** The header bytes; a shared array that callers must not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** Signature and screen descriptor without the loop block: the start of a still image. */
    byte[] stillHeader() {
        return logicalScreen.clone();
    }

    // 6 - "GIF89a", then the Logical Screen Descriptor: 2 - width, 2 - height,
    // 1 - flags (no global color table; color resolution kept), 1 - background index, 1 - aspect ratio.
    // Without a global table the background index means nothing (section 18): 0. The aspect ratio is the
    // producer's (ffmpeg states its input's pixel aspect); browsers and ImageIO ignore it.
    private static byte[] logicalScreen(int width, int height, int flags, int aspectRatio) {
        byte[] screen = Arrays.copyOf("GIF89a".getBytes(StandardCharsets.US_ASCII), 13);
        screen[6] = (byte) width;
        screen[7] = (byte) (width >> 8);
        screen[8] = (byte) height;
        screen[9] = (byte) (height >> 8);
        screen[10] = (byte) flags;
        screen[11] = 0;
        screen[12] = (byte) aspectRatio;
        return screen;
    }

    // Application Extension: 0x21 0xFF, 11 - "NETSCAPE2.0", then one sub-block
    // 3 - (1 - sub-block id 1, 2 - loop count, 0 = forever), 0 - terminator
    private static byte[] loopForever() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(19);
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {3, 1, 0, 0, 0});
        return out.toByteArray();
    }
}
