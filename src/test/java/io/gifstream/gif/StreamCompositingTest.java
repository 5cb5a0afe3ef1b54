package io.gifstream.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.GifCompositor;
import io.gifstream.testing.Pixels;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a viewer's browser shows: the whole screen composited from the stream (frame rectangles,
 * transparency, disposal) after each frame must be that frame's source file as a still, whichever
 * frames came before it (a late joiner, dropped frames, a catch-up burst, the last frame sent again).
 */
class StreamCompositingTest {
    private static final int WIDTH = 12;
    private static final int HEIGHT = 10;

    private final FrameParser parser = new FrameParser(new ParserLimits(4 << 20, 4096L * 4096));

    /** Hand-made frames of one screen, each with its own colours and its producer's own disposal. */
    static List<byte[]> handMadeFrames() {
        return List.of(
                screen().image(0, 0, WIDTH, HEIGHT).globalTable(colours(4, 1)).build(),
                screen().image(0, 0, WIDTH, HEIGHT).localTable(colours(8, 2)).disposal(0).build(),
                screen().image(3, 2, 5, 4).globalTable(colours(4, 3)).build(),
                screen().image(6, 5, 6, 5).localTable(colours(16, 4)).interlaced().transparent(1).disposal(3).build(),
                screen().image(0, 0, WIDTH, HEIGHT).globalTable(colours(4, 5)).transparent(2).disposal(2).build(),
                screen().image(0, 0, 3, 3).localTable(colours(2, 6)).transparent(0).build(),
                screen().image(1, 1, 10, 8).globalTable(colours(4, 7)).transparent(3).disposal(0).build());
    }

    private static GifBuilder screen() {
        return new GifBuilder().screen(WIDTH, HEIGHT);
    }

    /** A palette no other frame shares, so a pixel of an earlier frame that shows through is seen. */
    private static byte[] colours(int entries, int frame) {
        byte[] rgb = new byte[entries * 3];
        for (int i = 0; i < entries; i++) {
            rgb[i * 3] = (byte) (frame * 31);
            rgb[i * 3 + 1] = (byte) (i * 255 / entries);
            rgb[i * 3 + 2] = (byte) (255 - frame * 17 - i);
        }
        return rgb;
    }

    static Stream<Arguments> allSources() {
        Stream<Arguments> handMade = handMadeFrames().stream().map(file -> Arguments.of("hand-made", file));
        Stream<Arguments> ffmpeg = Fixtures.frames(Fixtures.SMALL).stream().map(file -> Arguments.of("ffmpeg", file));
        return Stream.concat(handMade, ffmpeg);
    }

    @ParameterizedTest(name = "{0} frame {index}")
    @MethodSource("allSources")
    void compositorShowsEachSourceAsImageIoDecodesIt(String kind, byte[] file) {
        assertArrayEquals(Pixels.decodeOnScreen(file), GifCompositor.still(file));
    }

    @ParameterizedTest(name = "disposal {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void compositorKeepsClearsOrRestoresAFramesRectangleAsItsDisposalSays(int disposal) {
        byte[] under = screen().globalTable(null).localTable(colours(4, 1)).image(0, 0, WIDTH, HEIGHT).build();
        byte[] disposed = screen().globalTable(null).localTable(colours(4, 2)).image(0, 0, WIDTH, HEIGHT)
                .disposal(disposal).build();
        byte[] small = screen().globalTable(null).localTable(colours(4, 3)).image(4, 4, 2, 2).build();
        List<int[]> screens = GifCompositor.screens(concat(under, disposed, small));

        int corner = screens.get(2)[0];
        int[] expected = {screens.get(1)[0], screens.get(1)[0], 0, screens.get(0)[0]};
        assertEquals(expected[disposal], corner);
        assertEquals(GifCompositor.still(small)[4 * WIDTH + 4], screens.get(2)[4 * WIDTH + 4]);
    }

    /** Single-image files without a global table as one GIF: the first one's screen, every image. */
    private static byte[] concat(byte[]... files) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.write(files[0], 0, 13);
        for (byte[] file : files) {
            gif.write(file, 13, file.length - 14);
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    @Test
    void smallAndTransparentFramesAfterFullFramesShowNothingOfThem() {
        List<byte[]> files = handMadeFrames();
        assertStreamShowsEachSource(files, List.of(0, 2, 1, 3, 1, 4, 0, 5, 6, 6), new Random(1));
    }

    @Test
    void lateJoinerSeesTheSameAsAViewerFromTheStart() {
        List<byte[]> files = handMadeFrames();
        assertStreamShowsEachSource(files, List.of(5, 3, 2), new Random(2));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyOrderAndSubsetOfFramesShowsEachSourceAsAStill(long seed) {
        Random random = new Random(seed);
        List<byte[]> files = handMadeFrames();
        List<Integer> received = new ArrayList<>();
        int count = 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            received.add(random.nextInt(files.size()));
        }
        assertStreamShowsEachSource(files, received, random);
    }

    @Test
    void ffmpegFramesInAnyOrderShowEachSourceAsAStill() {
        List<byte[]> files = Fixtures.frames(Fixtures.SMALL);
        Random random = new Random(3);
        List<Integer> received = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            received.add(random.nextInt(files.size()));
        }
        assertStreamShowsEachSource(files, received, random);
    }

    static Stream<Long> seeds() {
        return Stream.iterate(100L, seed -> seed + 1).limit(40);
    }

    @Test
    void streamHeaderStatesNoGlobalTableNorBackgroundAndTheProducersPixelAspect() {
        byte[] file = screen().image(0, 0, WIDTH, HEIGHT).build();
        file[11] = 3; // a background color index into the producer's global table
        file[12] = 37; // ffmpeg's pixel aspect for a 13:16 input: (37 + 15) / 64
        byte[] header = StreamHeader.of(assertInstanceOf(SourceFrame.class, parser.parse(file))).bytes();
        assertEquals(0, header[10] & 0x80, "no global color table");
        assertEquals(0, header[11], "background color index: nothing to index");
        assertEquals(37, header[12], "pixel aspect ratio, ignored by browsers");
    }

    /**
     * Streams the sources in the order a viewer received them, the header made from any source, each
     * frame as sent normally, for catching up or as a last frame held long, keep-alive comments between
     * some; then checks the composited screen after every frame.
     */
    private void assertStreamShowsEachSource(List<byte[]> files, List<Integer> received, Random random) {
        List<SourceFrame> sources = files.stream()
                .map(file -> assertInstanceOf(SourceFrame.class, parser.parse(file))).toList();
        StreamHeader header = StreamHeader.of(sources.get(random.nextInt(sources.size())));
        List<StreamFrame> frames = sources.stream().map(source -> StreamFrame.encode(header, source, 10)).toList();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(header.bytes());
        for (int index : received) {
            StreamFrame frame = frames.get(index);
            switch (random.nextInt(3)) {
                case 0 -> stream.writeBytes(frame.bytes());
                case 1 -> stream.writeBytes(frame.catchUpBytes());
                default -> stream.writeBytes(frame.withDelay(StreamFrame.MAX_DELAY_CENTISECONDS).bytes());
            }
            if (random.nextBoolean()) {
                stream.writeBytes(GifBlocks.comment("keep-alive"));
            }
        }

        List<int[]> screens = GifCompositor.screens(stream.toByteArray());
        assertEquals(received.size(), screens.size());
        for (int i = 0; i < received.size(); i++) {
            int source = received.get(i);
            assertArrayEquals(GifCompositor.still(files.get(source)), screens.get(i),
                    "frame " + i + " of " + received + " (source " + source + ") shows more than its file");
        }
    }
}
