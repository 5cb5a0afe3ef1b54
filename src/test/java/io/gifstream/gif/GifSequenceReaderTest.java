package io.gifstream.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GifSequenceReaderTest {
    private static final ParserLimits LIMITS = new ParserLimits(1 << 20, 1 << 20);

    @Test
    void ffmpegImage2pipeOutputSplitsIntoFramesTheParserAccepts() throws IOException {
        byte[] stream;
        try (InputStream in = getClass().getResourceAsStream("/image2pipe/testsrc-96x64-4-frames.gifs")) {
            stream = in.readAllBytes();
        }
        List<byte[]> gifs = readAll(stream, LIMITS);
        assertEquals(4, gifs.size());
        assertEquals(stream.length, gifs.stream().mapToInt(g -> g.length).sum());
        FrameParser parser = new FrameParser(LIMITS);
        for (byte[] gif : gifs) {
            SourceFrame frame = assertInstanceOf(SourceFrame.class, parser.parse(gif));
            assertEquals(96, frame.width());
            assertEquals(64, frame.height());
        }
    }

    @Test
    void concatenatedFrameFilesComeBackByteForByte() throws IOException {
        List<byte[]> files = new ArrayList<>(Fixtures.frames(Fixtures.SMALL));
        files.addAll(Fixtures.frames(Fixtures.MEDIUM)); // a change of size and tables mid-stream
        List<byte[]> gifs = readAll(concat(files), LIMITS);
        assertEquals(files.size(), gifs.size());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(files.get(i), gifs.get(i), "file " + i);
        }
    }

    @Test
    void emptyStreamHasNoGifs() throws IOException {
        assertEquals(Optional.empty(), new GifSequenceReader(new ByteArrayInputStream(new byte[0]), LIMITS).next());
    }

    @Test
    void streamEndingInsideAGifIsReportedWithTheStructureAndOffset() throws IOException {
        byte[] first = Fixtures.frames(Fixtures.SMALL).get(0);
        byte[] second = Fixtures.frames(Fixtures.SMALL).get(1);
        for (int cut : new int[] {1, 5, 6, 12, 13, 100, second.length / 2, second.length - 1}) {
            byte[] stream = concat(List.of(first, Arrays.copyOf(second, cut)));
            GifSequenceReader reader = new GifSequenceReader(new ByteArrayInputStream(stream), LIMITS);
            assertArrayEquals(first, reader.next().orElseThrow());
            GifSequenceException e = assertThrows(GifSequenceException.class, reader::next, "cut at " + cut);
            assertTrue(e.getMessage().startsWith("stream ended inside a GIF: truncated "), e.getMessage());
            assertEquals(stream.length, e.offset(), e.getMessage());
            assertTrue(e.truncated());
        }
    }

    @Test
    void lzwDataCutShortNamesIt() {
        byte[] gif = Fixtures.frames(Fixtures.SMALL).get(0);
        GifSequenceException e = assertThrows(GifSequenceException.class,
                () -> readAll(Arrays.copyOf(gif, gif.length - 3), LIMITS));
        assertTrue(e.getMessage().contains("truncated LZW data"), e.getMessage());
    }

    @Test
    void garbageBetweenGifsIsNotAGif() throws IOException {
        byte[] gif = Fixtures.frames(Fixtures.SMALL).get(0);
        byte[] stream = concat(List.of(gif, "[h264 @ 0x5555] error".getBytes(StandardCharsets.US_ASCII), gif));
        GifSequenceReader reader = new GifSequenceReader(new ByteArrayInputStream(stream), LIMITS);
        reader.next();
        GifSequenceException e = assertThrows(GifSequenceException.class, reader::next);
        assertTrue(e.getMessage().startsWith("not a GIF: signature is not GIF87a or GIF89a at byte " + gif.length),
                e.getMessage());
        assertFalse(e.truncated());
    }

    @Test
    void shortGarbageIsNotAGifRatherThanTruncated() {
        GifSequenceException e = assertThrows(GifSequenceException.class, () -> readAll(new byte[] {'P', 'N'}, LIMITS));
        assertTrue(e.getMessage().startsWith("not a GIF"), e.getMessage());
    }

    @Test
    void unknownBlockAfterTheScreenIsBroken() {
        byte[] gif = Fixtures.frames(Fixtures.SMALL).get(0).clone();
        int separator = Fixtures.imageSeparatorOffset(gif);
        gif[separator] = 0x00;
        GifSequenceException e = assertThrows(GifSequenceException.class, () -> readAll(gif, LIMITS));
        assertTrue(e.getMessage().startsWith("unknown block introducer"), e.getMessage());
        assertEquals(separator, e.offset());
    }

    @Test
    void gifOverTheByteLimitStopsTheStreamBeforeReadingItAll() throws IOException {
        byte[] gif = Fixtures.frames(Fixtures.MEDIUM).get(0);
        ParserLimits small = new ParserLimits(gif.length - 1, 1 << 20);
        GifSequenceException e = assertThrows(GifSequenceException.class, () -> readAll(gif, small));
        assertTrue(e.getMessage().startsWith("GIF over the " + (gif.length - 1) + "-byte limit"), e.getMessage());
        assertEquals(readAll(gif, new ParserLimits(gif.length, 1 << 20)).size(), 1);
    }

    @Test
    void endlessSubBlocksEndAtTheByteLimitNotInAHang() {
        // header, a screen without a table, then an extension whose sub-blocks never end
        byte[] head = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, 0x21, (byte) 0xFE};
        InputStream endless = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < head.length ? head[position++] & 0xFF : 0x7F;
            }
        };
        GifSequenceReader reader = new GifSequenceReader(endless, new ParserLimits(4096, 1 << 20));
        GifSequenceException e = assertThrows(GifSequenceException.class, reader::next);
        assertTrue(e.getMessage().startsWith("GIF over the 4096-byte limit at its extension"), e.getMessage());
    }

    private static List<byte[]> readAll(byte[] stream, ParserLimits limits) throws IOException {
        GifSequenceReader reader = new GifSequenceReader(new ByteArrayInputStream(stream), limits);
        List<byte[]> gifs = new ArrayList<>();
        for (Optional<byte[]> gif = reader.next(); gif.isPresent(); gif = reader.next()) {
            gifs.add(gif.get());
        }
        assertEquals(stream.length, reader.offset());
        return gifs;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
