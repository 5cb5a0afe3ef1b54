package io.gifstream.gif;

/**
 * A Global or Local Color Table: 2^(sizeField+1) RGB triplets, plus the table's sort flag.
 * The size field is the 3-bit value both descriptors store (GIF89a sections 18 and 20).
 */
record ColorTable(byte[] rgb, int sizeField, boolean sorted) {
    static int byteLength(int sizeField) {
        return 3 << (sizeField + 1);
    }

    int entries() {
        return 2 << sizeField;
    }
}
