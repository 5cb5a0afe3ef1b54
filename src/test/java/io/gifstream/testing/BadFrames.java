package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Every kind of unusable frame file a producer or a disk can leave, made from a real ffmpeg frame, by
 * name. Only "truncated", "empty", "header only" and "no trailer" are valid beginnings of a GIF, the
 * shape of a file still being written; the others can never become a frame.
 */
public final class BadFrames {
    private BadFrames() {
    }

    /**
     * @param good     a real ffmpeg frame (256-entry global color table) to break
     * @param maxBytes the byte limit under test: "over the byte limit" is just over it
     */
    public static Map<String, byte[]> of(byte[] good, int maxBytes) {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("truncated", Arrays.copyOf(good, good.length * 2 / 5));
        bad.put("empty", new byte[0]);
        bad.put("noise", noise(5000));
        bad.put("png", png());
        bad.put("header only", Arrays.copyOf(good, 13 + 768));
        bad.put("no trailer", Arrays.copyOf(good, good.length - 1));
        bad.put("flipped bit", flippedSeparator(good));
        bad.put("two images", twoImagesInOne(good));
        bad.put("65535x65535 screen", hugeScreen(good));
        int side = 4 + (int) Math.sqrt(maxBytes); // noise does not compress: over a byte a pixel
        byte[] overLimit = NoiseFrames.gifs(1, side, side, 3).get(0);
        if (overLimit.length <= maxBytes) {
            throw new IllegalStateException("noise frame of " + overLimit.length + " bytes is not over " + maxBytes);
        }
        bad.put("over the byte limit", overLimit);
        return bad;
    }

    private static byte[] noise(int length) {
        byte[] noise = new byte[length];
        new Random(7).nextBytes(noise);
        return noise;
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 0x2C becomes 0x2D: no block starts with that. */
    private static byte[] flippedSeparator(byte[] good) {
        byte[] flipped = good.clone();
        flipped[Fixtures.imageSeparatorOffset(good)] ^= 0x01;
        return flipped;
    }

    private static byte[] hugeScreen(byte[] good) {
        byte[] huge = good.clone();
        Arrays.fill(huge, 6, 10, (byte) 0xFF);
        return huge;
    }

    /** The file with its image (extensions, descriptor, data) repeated before the trailer. */
    private static byte[] twoImagesInOne(byte[] file) {
        int firstBlock = 13 + 768; // ffmpeg's 256-entry global table
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, file.length - 1);
        out.write(file, firstBlock, file.length - 1 - firstBlock);
        out.write(0x3B);
        return out.toByteArray();
    }
}
