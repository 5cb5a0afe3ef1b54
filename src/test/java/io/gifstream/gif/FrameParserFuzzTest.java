package io.gifstream.gif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.Pixels;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over real ffmpeg frames and hand-built edge cases: 100,000 mutated files
 * through the parser. Nothing may escape but a rejection, no input may make the parser allocate by
 * a size it claims, and whatever is accepted must re-encode into a stream frame that decodes.
 * (Jazzer would guide the mutations by coverage; this deterministic variant runs anywhere in CI.)
 */
class FrameParserFuzzTest {
    private static final int INPUTS = 100_000;
    private static final long SEED = 20261127L;
    private static final int MAX_BYTES = 1 << 20;

    private final FrameParser parser = new FrameParser(new ParserLimits(MAX_BYTES, 1 << 20));
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(Fixtures.frames(Fixtures.SMALL));
        seeds.addAll(Fixtures.frames(Fixtures.MEDIUM).subList(0, 3));
        seeds.add(new GifBuilder().version("GIF87a").build());
        seeds.add(new GifBuilder().globalTable(null).localTable(GifBuilder.palette(8)).build());
        seeds.add(new GifBuilder().screen(16, 9).image(2, 1, 10, 7).interlaced().comment("c")
                .applicationBlock("XMP DataXMP").plainText().transparent(3).build());
        seeds.add(new GifBuilder().globalTable(GifBuilder.palette(2)).build());
        return seeds;
    }

    @Test
    void hundredThousandMutatedFilesAreAcceptedSoundlyOrRejected() {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutate(seeds, random);
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                ParseResult result;
                try {
                    result = parser.parse(input);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("input " + i + " (" + input.length + " bytes) escaped the parser", e);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                // a fixed LZW table, messages and copies of the file's own parts — never a size it claims
                // (a 65535x65535 screen would be 4 GiB of pixels)
                assertTrue(allocated < (1 << 20) + 16L * input.length,
                        "input " + i + " of " + input.length + " bytes made the parser allocate " + allocated);
                if (result instanceof SourceFrame frame) {
                    outcomes[0]++;
                    checkReencodes(frame, input, i % 20 == 0);
                } else {
                    outcomes[1]++;
                }
            }
        });
        assertEquals(INPUTS, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[0] > 1000 && outcomes[1] > 1000,
                "mutations should produce both accepted and rejected files: " + Arrays.toString(outcomes));
    }

    /** An accepted frame becomes a stream frame that our parser accepts again and, sampled, the JDK decodes alike. */
    private void checkReencodes(SourceFrame frame, byte[] input, boolean decodeWithJdk) {
        StreamFrame encoded = StreamFrame.encode(StreamHeader.of(frame), frame, 10);
        byte[] still = encoded.asStill();
        SourceFrame again = assertInstanceOf(SourceFrame.class, parser.parse(still), "re-encoded frame rejected");
        assertEquals(frame.width(), again.width());
        assertEquals(frame.height(), again.height());
        if (decodeWithJdk) {
            int[] streamed = Pixels.decode(still); // our output must always decode
            int[] original;
            try {
                original = Pixels.decode(input);
            } catch (RuntimeException jdkIsStricter) {
                return; // e.g. an unknown extension label, which GIF89a says to skip and the JDK refuses
            }
            assertTrue(Arrays.equals(original, streamed), "the stream frame decodes to other pixels than its input");
        }
    }

    private static byte[] mutate(List<byte[]> seeds, Random random) {
        byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && data.length > 0; m++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(8)) {
                case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));                 // flip a bit
                case 1 -> data[at] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xFF, 0x2C, 0x21, 0x3B}[random.nextInt(8)];
                case 2 -> data = Arrays.copyOf(data, at);                                 // truncate
                case 3 -> {                                                               // delete a run
                    int length = Math.min(data.length - at, 1 + random.nextInt(64));
                    byte[] shorter = new byte[data.length - length];
                    System.arraycopy(data, 0, shorter, 0, at);
                    System.arraycopy(data, at + length, shorter, at, data.length - at - length);
                    data = shorter;
                }
                case 4 -> {                                                               // duplicate a run
                    int length = Math.min(data.length - at, 1 + random.nextInt(300));
                    byte[] longer = new byte[data.length + length];
                    System.arraycopy(data, 0, longer, 0, at + length);
                    System.arraycopy(data, at, longer, at + length, data.length - at);
                    data = longer;
                }
                case 5 -> {                                                               // claim a huge size
                    int field = new int[] {6, 8}[random.nextInt(2)];
                    if (data.length > field + 1) {
                        data[field] = (byte) 0xFF;
                        data[field + 1] = (byte) 0xFF;
                    }
                }
                case 6 -> {                                                               // splice another seed
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(other.length);
                    int length = Math.min(Math.min(other.length - from, data.length - at), 1 + random.nextInt(512));
                    System.arraycopy(other, from, data, at, length);
                }
                default -> data[at] = (byte) random.nextInt(256);                        // random byte
            }
        }
        return data;
    }
}
