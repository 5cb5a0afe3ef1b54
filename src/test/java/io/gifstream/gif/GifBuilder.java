package io.gifstream.gif;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built GIF files for the edge cases ffmpeg never writes. */
final class GifBuilder {
    private String version = "GIF89a";
    private int screenWidth = 4;
    private int screenHeight = 4;
    private int left;
    private int top;
    private int width = 4;
    private int height = 4;
    private byte[] globalTable = palette(4);
    private byte[] localTable;
    private boolean interlaced;
    private int transparentIndex = -1;
    private int disposal = 1;
    private final ByteArrayOutputStream extensionsBefore = new ByteArrayOutputStream();
    private byte[] pixels;
    private boolean secondImage;

    static byte[] palette(int entries) {
        byte[] rgb = new byte[entries * 3];
        for (int i = 0; i < entries; i++) {
            rgb[i * 3] = (byte) (i * 40);
            rgb[i * 3 + 1] = (byte) (255 - i * 30);
            rgb[i * 3 + 2] = (byte) (i * 70);
        }
        return rgb;
    }

    GifBuilder version(String value) { version = value; return this; }
    GifBuilder screen(int w, int h) { screenWidth = w; screenHeight = h; return this; }
    GifBuilder image(int l, int t, int w, int h) { left = l; top = t; width = w; height = h; return this; }
    GifBuilder globalTable(byte[] rgb) { globalTable = rgb; return this; }
    GifBuilder localTable(byte[] rgb) { localTable = rgb; return this; }
    GifBuilder interlaced() { interlaced = true; return this; }
    GifBuilder transparent(int index) { transparentIndex = index; return this; }
    /** The Graphic Control Extension's disposal method, 0-7; 1 (do not dispose) unless set. */
    GifBuilder disposal(int method) { disposal = method; return this; }
    GifBuilder pixels(byte[] value) { pixels = value; return this; }
    GifBuilder secondImage() { secondImage = true; return this; }

    GifBuilder comment(String text) {
        extensionsBefore.writeBytes(GifBlocks.comment(text));
        return this;
    }

    GifBuilder applicationBlock(String identifier) {
        extensionsBefore.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        extensionsBefore.writeBytes(identifier.getBytes(StandardCharsets.US_ASCII));
        extensionsBefore.writeBytes(new byte[] {3, 1, 0, 0, 0});
        return this;
    }

    GifBuilder plainText() {
        extensionsBefore.writeBytes(new byte[] {0x21, 0x01, 12, 0, 0, 0, 0, 4, 0, 4, 0, 1, 1, 0, 1, 2, 'h', 'i', 0});
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
        u16(out, screenWidth);
        u16(out, screenHeight);
        out.write(globalTable == null ? 0x70 : 0xF0 | sizeField(globalTable));
        out.write(0);
        out.write(0);
        if (globalTable != null) {
            out.writeBytes(globalTable);
        }
        out.writeBytes(extensionsBefore.toByteArray());
        if (transparentIndex >= 0 || "GIF89a".equals(version)) {
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4,
                    (byte) (disposal << 2 | (transparentIndex >= 0 ? 1 : 0)), 10, 0, (byte) Math.max(0, transparentIndex), 0});
        }
        writeImage(out);
        if (secondImage) {
            writeImage(out);
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private void writeImage(ByteArrayOutputStream out) {
        byte[] table = localTable != null ? localTable : globalTable != null ? globalTable : palette(4);
        byte[] indices = pixels != null ? pixels : gradient(width * height, table.length / 3);
        out.write(0x2C);
        u16(out, left);
        u16(out, top);
        u16(out, width);
        u16(out, height);
        out.write((localTable != null ? 0x80 | sizeField(localTable) : 0) | (interlaced ? 0x40 : 0));
        if (localTable != null) {
            out.writeBytes(localTable);
        }
        out.writeBytes(LzwEncoder.encode(indices, Math.max(2, sizeField(table) + 1)));
    }

    static byte[] gradient(int count, int entries) {
        byte[] indices = new byte[count];
        for (int i = 0; i < count; i++) {
            indices[i] = (byte) ((i * 7 + i / 3) % entries);
        }
        return indices;
    }

    private static int sizeField(byte[] rgb) {
        return Integer.numberOfTrailingZeros(rgb.length / 3) - 1;
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8);
    }
}
