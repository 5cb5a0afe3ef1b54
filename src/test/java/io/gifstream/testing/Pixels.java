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
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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

    /** How many images the JDK's decoder finds in a GIF (it fails on one that does not decode). */
    public static int frameCount(byte[] gif) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(in);
                int count = reader.getNumImages(true);
                for (int i = 0; i < count; i++) {
                    reader.read(i);
                }
                return count;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole screen a single-image GIF shows as a still: its image decoded by ImageIO, put at its
     * place on the logical screen; ARGB, 0 where nothing is drawn or the image is transparent.
     */
    public static int[] decodeOnScreen(byte[] gif) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            Element screen = child(reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0"),
                    "LogicalScreenDescriptor");
            int width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            BufferedImage image = reader.read(0);
            Element place = child(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"),
                    "ImageDescriptor");
            int left = Integer.parseInt(place.getAttribute("imageLeftPosition"));
            int top = Integer.parseInt(place.getAttribute("imageTopPosition"));
            int[] pixels = new int[width * height];
            for (int y = 0; y < image.getHeight() && top + y < height; y++) {
                for (int x = 0; x < image.getWidth() && left + x < width; x++) {
                    int argb = image.getRGB(x, y);
                    pixels[(top + y) * width + left + x] = argb >>> 24 == 0 ? 0 : argb;
                }
            }
            return pixels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static Element child(Node tree, String name) {
        for (Node node = tree.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name)) {
                return (Element) node;
            }
        }
        throw new AssertionError("GIF metadata without " + name);
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
