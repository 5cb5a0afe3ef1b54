package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Decodes GIFs with the JDK's own decoder (independent of ours) and compares their pixels. */
public final class Pixels {
    private Pixels() {
    }

    /** The RGB pixels of a GIF's first image. */
    public static int[] decode(byte[] gif) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(gif));
            if (image == null) {
                throw new AssertionError("ImageIO cannot decode " + gif.length + " bytes as a GIF");
            }
            int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xFFFFFF;
            }
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded pixels of every {@code in<N>.gif} in a fixture folder, in frame-number order. */
    public static List<int[]> decodeFrames(Path folder) {
        List<int[]> frames = new ArrayList<>();
        for (Path file : Fixtures.frameFiles(folder)) {
            frames.add(decode(read(file)));
        }
        return frames;
    }

    /** The index of the input frame with exactly these pixels, or -1. */
    public static int indexOf(List<int[]> inputs, int[] pixels) {
        for (int i = 0; i < inputs.size(); i++) {
            if (Arrays.equals(inputs.get(i), pixels)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> list(Path folder) {
        try {
            return Files.list(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
