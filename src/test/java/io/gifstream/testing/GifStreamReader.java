package io.gifstream.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A test-side reader of an endless GIF stream, written independently of the production code: it
 * walks the block structure of what a viewer receives and hands out each frame as a complete still
 * GIF (the stream's screen + the frame + a trailer) that ImageIO can decode.
 */
public final class GifStreamReader {
    /** One item read from the stream. */
    public sealed interface Item permits Frame, Comment, Trailer {
    }

    /** A frame: its Graphic Control Extension delay, and the frame alone as a still GIF file. */
    public record Frame(int delayCentiseconds, byte[] still) implements Item {
    }

    public record Comment(String text) implements Item {
    }

    public record Trailer() implements Item {
    }

    private final DataInputStream in;
    private final byte[] screen;
    private final boolean loopsForever;

    public GifStreamReader(InputStream stream) throws IOException {
        this.in = new DataInputStream(stream);
        byte[] head = new byte[13];
        in.readFully(head);
        String signature = new String(head, 0, 6, java.nio.charset.StandardCharsets.US_ASCII);
        if (!signature.equals("GIF89a")) {
            throw new IOException("stream does not start with GIF89a but " + Arrays.toString(Arrays.copyOf(head, 6)));
        }
        if ((head[10] & 0x80) != 0) {
            throw new IOException("stream header carries a global color table");
        }
        this.screen = head;
        int introducer = in.readUnsignedByte();
        int label = in.readUnsignedByte();
        if (introducer != 0x21 || label != 0xFF) {
            throw new IOException("header is not followed by the NETSCAPE2.0 application extension");
        }
        byte[] app = subBlocks();
        loopsForever = new String(app, 1, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("NETSCAPE2.0")
                && app[app.length - 2] == 0 && app[app.length - 1] == 0;
    }

    public int width() {
        return (screen[6] & 0xFF) | (screen[7] & 0xFF) << 8;
    }

    public int height() {
        return (screen[8] & 0xFF) | (screen[9] & 0xFF) << 8;
    }

    public boolean loopsForever() {
        return loopsForever;
    }

    /** Blocks until the next whole item has arrived. */
    public Item next() throws IOException {
        int introducer = in.readUnsignedByte();
        if (introducer == 0x3B) {
            return new Trailer();
        }
        if (introducer != 0x21) {
            throw new IOException(String.format("expected an extension, got 0x%02X", introducer));
        }
        int label = in.readUnsignedByte();
        if (label == 0xFE) {
            byte[] text = subBlocks();
            return new Comment(new String(text, 1, text.length - 2, java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (label != 0xF9) {
            throw new IOException(String.format("unexpected extension 0x%02X between frames", label));
        }
        ByteArrayOutputStream still = new ByteArrayOutputStream();
        still.write(screen, 0, screen.length);
        still.write(0x21);
        still.write(0xF9);
        byte[] gce = subBlocks();
        still.write(gce, 0, gce.length);
        int delay = (gce[2] & 0xFF) | (gce[3] & 0xFF) << 8;
        int separator = in.readUnsignedByte();
        if (separator != 0x2C) {
            throw new IOException(String.format("graphic control extension not followed by an image but 0x%02X", separator));
        }
        byte[] descriptor = new byte[9];
        in.readFully(descriptor);
        still.write(0x2C);
        still.write(descriptor, 0, 9);
        int flags = descriptor[8] & 0xFF;
        if ((flags & 0x80) == 0) {
            throw new IOException("stream frame without a local color table");
        }
        byte[] table = new byte[3 << ((flags & 7) + 1)];
        in.readFully(table);
        still.write(table, 0, table.length);
        still.write(in.readUnsignedByte());
        byte[] data = subBlocks();
        still.write(data, 0, data.length);
        still.write(0x3B);
        return new Frame(delay, still.toByteArray());
    }

    /** Reads items up to and including the trailer. */
    public java.util.List<Item> untilTrailer() throws IOException {
        java.util.List<Item> items = new java.util.ArrayList<>();
        Item item;
        do {
            item = next();
            items.add(item);
        } while (!(item instanceof Trailer));
        return items;
    }

    /** Reads the next frame, skipping comments; fails on a trailer. */
    public Frame nextFrame() throws IOException {
        while (true) {
            Item item = next();
            if (item instanceof Frame frame) {
                return frame;
            }
            if (item instanceof Trailer) {
                throw new EOFException("stream ended with its trailer");
            }
        }
    }

    /** Sub-blocks with their size bytes and terminator, as they stand in the file. */
    private byte[] subBlocks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size;
        while ((size = in.readUnsignedByte()) != 0) {
            out.write(size);
            byte[] block = new byte[size];
            in.readFully(block);
            out.write(block, 0, size);
        }
        out.write(0);
        return out.toByteArray();
    }
}
