package io.gifstream.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Frames that carry their own number, readable back from a screenshot: eight 40x40 blocks across the
 * top, white for a 1 bit and black for a 0 (numbers modulo 256), on a grey picture — or, for big
 * frames (about 90 KB, where the grey ones take 1.6 KB), over noise that LZW cannot compress.
 */
final class IndexFrames {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final int BLOCK = 40;

    private IndexFrames() {
    }

    static byte[] gif(int number, boolean noise) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        if (noise) {
            Random random = new Random(number);
            for (int y = BLOCK; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    image.getRaster().setSample(x, y, 0, random.nextInt(256));
                }
            }
        }
        for (int bit = 0; bit < 8; bit++) {
            g.setColor((number >> (7 - bit) & 1) == 1 ? Color.WHITE : Color.BLACK);
            g.fillRect(bit * BLOCK, 0, BLOCK, BLOCK);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "gif", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The number a screenshot of the image shows, or -1 if it shows none (no picture yet, or scaled). */
    static int read(BufferedImage screenshot) {
        if (screenshot.getWidth() < WIDTH || screenshot.getHeight() < BLOCK) {
            return -1;
        }
        int number = 0;
        for (int bit = 0; bit < 8; bit++) {
            int rgb = screenshot.getRGB(bit * BLOCK + BLOCK / 2, BLOCK / 2) & 0xFFFFFF;
            if (rgb == 0xFFFFFF) {
                number = number << 1 | 1;
            } else if (rgb == 0x000000) {
                number = number << 1;
            } else {
                return -1;
            }
        }
        return number;
    }
}
