package io.gifstream.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamFrameTest {
    private final FrameParser parser = new FrameParser(new ParserLimits(4 << 20, 4096L * 4096));

    private SourceFrame parse(byte[] file) {
        return assertInstanceOf(SourceFrame.class, parser.parse(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SMALL, Fixtures.MEDIUM})
    void streamOfFfmpegFramesDecodesToTheInputPixels(String size) throws IOException {
        List<byte[]> inputs = Fixtures.frames(size);
        StreamHeader header = StreamHeader.of(parse(inputs.get(0)));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(header.bytes());
        for (byte[] input : inputs) {
            stream.writeBytes(StreamFrame.encode(header, parse(input), 10).bytes());
            stream.writeBytes(GifBlocks.comment("keep-alive"));
        }

        GifStreamReader reader = new GifStreamReader(new ByteArrayInputStream(stream.toByteArray()));
        assertEquals(size, reader.width() + "x" + reader.height());
        assertTrue(reader.loopsForever());
        for (byte[] input : inputs) {
            GifStreamReader.Frame frame = reader.nextFrame();
            assertEquals(10, frame.delayCentiseconds());
            assertArrayEquals(Pixels.decode(input), Pixels.decode(frame.still()));
        }
    }

    @Test
    void globalTableBecomesTheLocalTable() throws IOException {
        byte[] input = new GifBuilder().screen(8, 8).image(0, 0, 8, 8).globalTable(GifBuilder.palette(16)).build();
        StreamHeader header = StreamHeader.of(parse(input));
        byte[] frame = StreamFrame.encode(header, parse(input), 5).bytes();
        // GCE (8 bytes), then the image descriptor; its flags byte is the 10th
        assertEquals(0x80 | 3, frame[8 + 9] & 0xFF);
        assertArrayEquals(Pixels.decode(input), Pixels.decode(StreamFrame.encode(header, parse(input), 5).asStill()));
    }

    @Test
    void interlacedSubImageWithTransparencyKeepsItsPixels() throws IOException {
        byte[] input = new GifBuilder().screen(20, 12).image(3, 2, 11, 9).interlaced().transparent(2)
                .localTable(GifBuilder.palette(32)).build();
        SourceFrame source = parse(input);
        StreamFrame frame = StreamFrame.encode(StreamHeader.of(source), source, 7);
        byte[] still = frame.asStill();
        assertEquals(1, still[13 + 3] & 0x01, "transparency flag kept");
        assertEquals(2, still[13 + 6], "transparent index kept");
        assertArrayEquals(Pixels.decode(input), Pixels.decode(still));
    }

    @Test
    void delayNeverBelowTwoCentiseconds() throws IOException {
        byte[] input = Fixtures.frames(Fixtures.SMALL).get(0);
        StreamHeader header = StreamHeader.of(parse(input));
        byte[] stream = concat(header.bytes(), StreamFrame.encode(header, parse(input), 0).bytes());
        assertEquals(StreamFrame.MIN_DELAY_CENTISECONDS,
                new GifStreamReader(new ByteArrayInputStream(stream)).nextFrame().delayCentiseconds());
    }

    @Test
    void frameOfAnotherSizeDoesNotFitTheStream() {
        StreamHeader small = StreamHeader.of(parse(Fixtures.frames(Fixtures.SMALL).get(0)));
        SourceFrame medium = parse(Fixtures.frames(Fixtures.MEDIUM).get(0));
        assertThrows(IllegalArgumentException.class, () -> StreamFrame.encode(small, medium, 10));
    }

    @Test
    void snapshotIsTheFrameAsACompleteStill() {
        byte[] input = Fixtures.frames(Fixtures.MEDIUM).get(3);
        SourceFrame source = parse(input);
        byte[] still = StreamFrame.encode(StreamHeader.of(source), source, 10).asStill();
        assertInstanceOf(SourceFrame.class, parser.parse(still), "the still parses as a complete GIF");
        assertArrayEquals(Pixels.decode(input), Pixels.decode(still));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
