package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading and keeping PNG screenshots of the page's image, from any browser. */
public final class Screenshots {
    /** The demo pattern's first colour bar, top left: a blank or broken image does not have it. */
    private static final int FIRST_BAR = 0xC0C0C0;
    /** Browsers may shift a colour slightly on its way to the screen (colour management). */
    private static final int CHANNEL_TOLERANCE = 8;

    private Screenshots() {
    }

    /** The RGB pixels of a PNG screenshot. */
    public static int[] pixels(byte[] png) {
        BufferedImage image = read(png);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The RGB colour of one pixel of a PNG screenshot. */
    public static int pixel(byte[] png, int x, int y) {
        return read(png).getRGB(x, y) & 0xFFFFFF;
    }

    /** Whether a screenshot of the image shows the demo pattern (rather than nothing or a broken icon). */
    public static boolean showsDemoPattern(byte[] png) {
        int rgb = pixel(png, 5, 5);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((FIRST_BAR >> shift) & 0xFF)) > CHANNEL_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    public static void save(byte[] png, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
