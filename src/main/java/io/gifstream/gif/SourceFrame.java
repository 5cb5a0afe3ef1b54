package io.gifstream.gif;

/**
 * One validated single-image GIF as a producer wrote it: screen size, the image's place on it,
 * its effective palette (local table if present, else global) and its LZW data, kept verbatim.
 * Immutable; the arrays never leave this package.
 */
public final class SourceFrame implements ParseResult {
    private final int screenWidth;
    private final int screenHeight;
    private final int screenFlags;
    private final int aspectRatio;
    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final boolean interlaced;
    private final ColorTable colorTable;
    private final int transparentIndex;
    final byte[] lzwData;

    SourceFrame(int screenWidth, int screenHeight, int screenFlags, int aspectRatio,
                int left, int top, int width, int height, boolean interlaced,
                ColorTable colorTable, int transparentIndex, byte[] lzwData) {
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
        this.screenFlags = screenFlags;
        this.aspectRatio = aspectRatio;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.interlaced = interlaced;
        this.colorTable = colorTable;
        this.transparentIndex = transparentIndex;
        this.lzwData = lzwData;
    }

    public int screenWidth() { return screenWidth; }
    public int screenHeight() { return screenHeight; }
    int screenFlags() { return screenFlags; }
    int aspectRatio() { return aspectRatio; }
    public int left() { return left; }
    public int top() { return top; }
    public int width() { return width; }
    public int height() { return height; }
    public boolean interlaced() { return interlaced; }
    ColorTable colorTable() { return colorTable; }
    /** The transparent color index from the Graphic Control Extension, or -1 for none. */
    public int transparentIndex() { return transparentIndex; }
}
