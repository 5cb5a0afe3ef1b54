package io.gifstream.gif;

/**
 * Bounds the parser enforces before it trusts any size a file claims.
 *
 * @param maxBytes  largest accepted file
 * @param maxPixels largest accepted screen and image area (width × height)
 */
public record ParserLimits(int maxBytes, long maxPixels) {
    public ParserLimits {
        if (maxBytes < 14 || maxPixels < 1) {
            throw new IllegalArgumentException("limits too small: " + maxBytes + " bytes, " + maxPixels + " pixels");
        }
    }
}
