package io.gifstream.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameParserTest {
    private final FrameParser parser = new FrameParser(new ParserLimits(4 << 20, 4096L * 4096));

    private SourceFrame accepted(byte[] file) {
        return assertInstanceOf(SourceFrame.class, parser.parse(file));
    }

    private FrameRejected rejected(byte[] file) {
        return assertInstanceOf(FrameRejected.class, parser.parse(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SMALL, Fixtures.MEDIUM})
    void everyFfmpegFrameIsAccepted(String size) {
        List<byte[]> frames = Fixtures.frames(size);
        assertEquals(12, frames.size());
        for (byte[] file : frames) {
            SourceFrame frame = accepted(file);
            assertEquals(size, frame.screenWidth() + "x" + frame.screenHeight());
            assertEquals(size, frame.width() + "x" + frame.height());
        }
    }

    @Test
    void firstFfmpegFrameWithBothTablesUsesItsLocalTable() {
        byte[] file = Fixtures.frames(Fixtures.SMALL).get(0);
        SourceFrame frame = accepted(file);
        assertEquals(0x80, file[10] & 0x80, "ffmpeg wrote a global table");
        int descriptor = Fixtures.imageSeparatorOffset(file);
        assertEquals(0x80, file[descriptor + 9] & 0x80, "ffmpeg wrote a local table");
        byte[] local = Arrays.copyOfRange(file, descriptor + 10, descriptor + 10 + 768);
        assertArrayEquals(local, frame.colorTable().rgb(), "the local table wins over the global one");
    }

    @Test
    void everyTruncationOfARealFrameIsRejectedAsTruncated() {
        byte[] file = Fixtures.frames(Fixtures.SMALL).get(1);
        for (int length = 0; length < file.length; length++) {
            FrameRejected rejection = rejected(Arrays.copyOf(file, length));
            assertTrue(rejection.truncated(), "prefix of " + length + " bytes: " + rejection.describe());
        }
    }

    @Test
    void firstBytesOfAnotherFormatAreBrokenNotUnfinished() {
        byte[] png = "\u0089PNG\r\n\u001a\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int length = 1; length <= png.length; length++) {
            FrameRejected rejection = rejected(Arrays.copyOf(png, length));
            assertFalse(rejection.truncated(), "PNG prefix of " + length + " bytes: " + rejection.describe());
        }
        assertFalse(rejected("GIF8b".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).truncated());
    }

    @Test
    void emptyScreenIsBrokenAsSoonAsItsWidthIsRead() {
        byte[] file = new GifBuilder().build();
        file[6] = 0;
        file[7] = 0;
        FrameRejected rejection = rejected(Arrays.copyOf(file, 8));
        assertFalse(rejection.truncated(), rejection.describe());
    }

    @Test
    void corruptLzwCodeInAFileThatEndsEarlyIsBrokenNotUnfinished() {
        byte[] file = new GifBuilder().screen(16, 16).image(0, 0, 16, 16).build();
        int data = Fixtures.imageSeparatorOffset(file) + 10 + 2; // min code size, first sub-block size
        file[data + 3] = (byte) 0xFF;
        file[data + 4] = (byte) 0xFF;
        FrameRejected rejection = rejected(Arrays.copyOf(file, data + 6)); // ends inside the first sub-block
        assertFalse(rejection.truncated(), rejection.describe());
    }

    @Test
    void realFrameEndingInsideSoundImageDataIsUnfinished() {
        byte[] file = Fixtures.frames(Fixtures.MEDIUM).get(3);
        int data = Fixtures.imageSeparatorOffset(file) + 10 + 768 + 1;
        for (int length = data; length < file.length; length += 97) {
            assertTrue(rejected(Arrays.copyOf(file, length)).truncated(), "prefix of " + length + " bytes");
        }
    }

    @Test
    void reasonsNameStructuresNeverTheFilesOwnBytes() {
        byte[] file = new GifBuilder().build();
        int separator = Fixtures.imageSeparatorOffset(file);
        byte[] unknownBlock = file.clone();
        unknownBlock[separator] = 0x7B;
        byte[] unknownExtension = Arrays.copyOf(file, separator + 2);
        unknownExtension[separator] = 0x21;
        unknownExtension[separator + 1] = 0x7B;
        for (byte[] bad : List.of(unknownBlock, unknownExtension)) {
            String reason = rejected(bad).describe();
            assertFalse(reason.toUpperCase().contains("7B") || reason.contains("{"), reason);
        }
    }

    @Test
    void acceptsGif87aWithoutExtensions() {
        assertEquals(4, accepted(new GifBuilder().version("GIF87a").build()).width());
    }

    @Test
    void acceptsLocalTableWithoutGlobalTable() {
        accepted(new GifBuilder().globalTable(null).localTable(GifBuilder.palette(8)).build());
    }

    @Test
    void acceptsEveryTableSizeFromTwoTo256Entries() {
        for (int entries = 2; entries <= 256; entries *= 2) {
            SourceFrame frame = accepted(new GifBuilder().globalTable(GifBuilder.palette(entries)).build());
            assertEquals(entries, frame.colorTable().entries());
        }
    }

    @Test
    void acceptsCommentsApplicationBlocksPlainTextAndInterlace() {
        SourceFrame frame = accepted(new GifBuilder().screen(16, 9).image(2, 1, 10, 7).interlaced()
                .comment("made by hand").applicationBlock("XMP DataXMP").plainText().transparent(3).build());
        assertTrue(frame.interlaced());
        assertEquals(3, frame.transparentIndex());
        assertEquals(2, frame.left());
    }

    @Test
    void rejectsNonGif() {
        assertTrue(rejected("\u0089PNG\r\n\u001a\n0000000000000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .reason().contains("signature"));
    }

    @Test
    void rejectsImageOutsideItsScreen() {
        FrameRejected rejection = rejected(new GifBuilder().screen(4, 4).image(2, 0, 4, 4).build());
        assertTrue(rejection.reason().contains("outside the 4x4 screen"), rejection.describe());
    }

    @Test
    void rejectsHugeClaimedScreenWithoutAllocatingIt() {
        byte[] file = new GifBuilder().build();
        file[6] = (byte) 0xFF;
        file[7] = (byte) 0xFF;
        file[8] = (byte) 0xFF;
        file[9] = (byte) 0xFF;
        FrameRejected rejection = rejected(file);
        assertTrue(rejection.reason().contains("65535x65535 is over the"), rejection.describe());
    }

    @Test
    void rejectsFileOverTheByteLimit() {
        FrameParser small = new FrameParser(new ParserLimits(100, 1 << 20));
        assertTrue(((FrameRejected) small.parse(Fixtures.frames(Fixtures.SMALL).get(0))).reason().contains("100-byte limit"));
    }

    @Test
    void rejectsTwoImagesInOneFile() {
        assertTrue(rejected(new GifBuilder().secondImage().build()).reason().contains("second image"));
    }

    @Test
    void rejectsMissingColorTable() {
        assertTrue(rejected(new GifBuilder().globalTable(null).build()).reason().contains("color table"));
    }

    @Test
    void rejectsMissingTrailerAsTruncated() {
        byte[] file = new GifBuilder().build();
        assertTrue(rejected(Arrays.copyOf(file, file.length - 1)).truncated());
    }

    @Test
    void rejectsDataAfterTheTrailer() {
        byte[] file = new GifBuilder().build();
        assertTrue(rejected(Arrays.copyOf(file, file.length + 3)).reason().contains("after the trailer"));
    }

    @Test
    void rejectsPixelIndexOutsideThePalette() {
        // a 2-entry table still codes literals 0..3 (LZW minimum code size 2): index 3 has no color
        byte[] pixels = new byte[16];
        pixels[5] = 3;
        FrameRejected rejection = rejected(new GifBuilder().globalTable(GifBuilder.palette(2)).pixels(pixels).build());
        assertTrue(rejection.reason().contains("pixel index 3 outside the 2-entry color table"), rejection.describe());
    }

    @Test
    void rejectsLzwDataWithTooFewPixels() {
        byte[] file = new GifBuilder().screen(4, 4).image(0, 0, 4, 4).build();
        // claim a taller image than the data holds: 4x8 on an 8-high screen
        file[9] = 8;
        int descriptor = Fixtures.imageSeparatorOffset(file);
        file[descriptor + 7] = 8;
        FrameRejected rejection = rejected(file);
        assertTrue(rejection.reason().contains("ends after 16 of 32 pixels"), rejection.describe());
    }

    @Test
    void rejectsCorruptLzwCode() {
        byte[] file = new GifBuilder().screen(16, 16).image(0, 0, 16, 16).build();
        int data = Fixtures.imageSeparatorOffset(file) + 10 + 2; // min code size, first sub-block size
        file[data + 3] = (byte) 0xFF;
        file[data + 4] = (byte) 0xFF;
        FrameRejected rejection = rejected(file);
        assertFalse(rejection.truncated(), rejection.describe());
    }

    @Test
    void rejectionNamesTheByteOffset() {
        byte[] file = Fixtures.frames(Fixtures.MEDIUM).get(0);
        FrameRejected rejection = rejected(Arrays.copyOf(file, 4031));
        // the sub-block that claims more bytes than the file still has
        assertTrue(rejection.describe().matches("truncated LZW data at byte \\d+"), rejection.describe());
        assertTrue(rejection.offset() > 4031 - 256 && rejection.offset() < 4031, rejection.describe());
    }

    @Test
    void lzwEncoderRoundTripsThroughImageIo() {
        byte[] pixels = GifBuilder.gradient(300 * 200, 256);
        byte[] gif = new IndexedImage(300, 200, GifBuilder.palette(256), pixels).toGif();
        accepted(gif);
        int[] decoded = io.gifstream.testing.Pixels.decode(gif);
        byte[] palette = GifBuilder.palette(256);
        for (int i = 0; i < pixels.length; i++) {
            int index = pixels[i] & 0xFF;
            int rgb = (palette[index * 3] & 0xFF) << 16 | (palette[index * 3 + 1] & 0xFF) << 8 | (palette[index * 3 + 2] & 0xFF);
            if (decoded[i] != rgb) {
                throw new AssertionError("pixel " + i + " differs");
            }
        }
        assertArrayEquals(decoded, io.gifstream.testing.Pixels.decode(gif));
    }
}
