package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Single-image GIF files written by the JDK's encoder, for tests that run without the application's
 * classes (integration tests see the WAR over HTTP only): an image of palette indices at a place on
 * a larger screen, with an optional transparent index and the producer's disposal.
 */
public final class PaletteGifs {
    private PaletteGifs() {
    }

    /**
     * @param rgb      the palette as 0xRRGGBB, up to 256 entries
     * @param indices  one palette index per pixel of the image, row by row
     * @param transparent the transparent index, or -1 for none
     * @param disposal the GIF89a disposal name: "none", "doNotDispose", "restoreToBackgroundColor", "restoreToPrevious"
     */
    public static byte[] still(int screenWidth, int screenHeight, int left, int top, int width, int height,
                               int[] rgb, byte[] indices, int transparent, String disposal) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        System.arraycopy(indices, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0,
                width * height);

        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata stream = writer.getDefaultStreamMetadata(null);
            IIOMetadataNode streamTree = (IIOMetadataNode) stream.getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = child(streamTree, "LogicalScreenDescriptor");
            screen.setAttribute("logicalScreenWidth", Integer.toString(screenWidth));
            screen.setAttribute("logicalScreenHeight", Integer.toString(screenHeight));
            stream.setFromTree("javax_imageio_gif_stream_1.0", streamTree);

            // the image's own table, not the default one of its BufferedImage type
            ImageTypeSpecifier type = new ImageTypeSpecifier(image.getColorModel(), image.getSampleModel());
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
            IIOMetadataNode imageTree = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode place = child(imageTree, "ImageDescriptor");
            place.setAttribute("imageLeftPosition", Integer.toString(left));
            place.setAttribute("imageTopPosition", Integer.toString(top));
            IIOMetadataNode control = child(imageTree, "GraphicControlExtension");
            control.setAttribute("disposalMethod", disposal);
            control.setAttribute("transparentColorFlag", Boolean.toString(transparent >= 0));
            control.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, transparent)));
            metadata.setFromTree("javax_imageio_gif_image_1.0", imageTree);

            writer.write(stream, new IIOImage(image, null, metadata), null);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode tree, String name) {
        for (int i = 0; i < tree.getLength(); i++) {
            if (tree.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) tree.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        tree.appendChild(node);
        return node;
    }
}
