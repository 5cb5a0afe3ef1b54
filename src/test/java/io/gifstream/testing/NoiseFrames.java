package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Frames of random pixels, written by the JDK's GIF encoder: noise does not compress, so each frame
 * is large and a client that stops reading fills its TCP buffers within seconds.
 */
public final class NoiseFrames {
    private NoiseFrames() {
    }

    public static List<byte[]> gifs(int count, int width, int height, long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
            random.nextBytes(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(image, "gif", out)) {
                    throw new IllegalStateException("no GIF writer in this JDK");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frames.add(out.toByteArray());
        }
        return frames;
    }
}
