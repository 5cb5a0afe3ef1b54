package io.gifstream.gif;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A palette image that writes itself as a complete single-image GIF89a file, the way a producer
 * would: the built-in demo source and tests use it to make frames.
 *
 * @param palette RGB triplets, 2 to 256 entries, a power of two
 * @param pixels  one palette index per pixel, row by row
 */
public record IndexedImage(int width, int height, byte[] palette, byte[] pixels) {
    public IndexedImage {
        int entries = palette.length / 3;
        if (palette.length % 3 != 0 || entries < 2 || entries > 256 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("palette must hold 2..256 RGB entries, a power of two");
        }
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF || pixels.length != width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
    }

    /** "GIF89a", a screen with this palette as its global table, the image, the trailer. */
    public byte[] toGif() {
        int entries = palette.length / 3;
        int sizeField = Integer.numberOfTrailingZeros(entries) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + palette.length + 64);
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        StreamFrame.writeU16(out, width);
        StreamFrame.writeU16(out, height);
        out.write(0x80 | 0x70 | sizeField); // global color table, 8-bit color resolution
        out.write(0);
        out.write(0);
        out.writeBytes(palette);
        out.write(0x2C);
        StreamFrame.writeU16(out, 0);
        StreamFrame.writeU16(out, 0);
        StreamFrame.writeU16(out, width);
        StreamFrame.writeU16(out, height);
        out.write(0);
        out.writeBytes(LzwEncoder.encode(pixels, Math.max(2, sizeField + 1)));
        out.write(GifBlocks.TRAILER);
        return out.toByteArray();
    }
}
