package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.ParserLimits;
import io.gifstream.testing.Fixtures;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class FrameVerdictTest {
    private static final long GRACE = 500_000_000L;
    private static final BooleanSupplier NOTHING_LATER = () -> false;
    private static final BooleanSupplier LATER_COMPLETE = () -> true;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("later files parsed for nothing");
    };

    private final FrameParser parser = new FrameParser(new ParserLimits(1 << 20, 1 << 20));
    private final byte[] good = Fixtures.frames(Fixtures.MEDIUM).get(0);
    private final ParseResult unfinished = parser.parse(Arrays.copyOf(good, good.length / 2));
    private final ParseResult broken = parser.parse("GIF89a but then nothing of a frame".getBytes());

    @Test
    void completeFrameIsPublished() {
        assertEquals(FrameVerdict.PUBLISH, FrameVerdict.of(parser.parse(good), 0, GRACE, NOT_ASKED));
    }

    @Test
    void fileThatCanNeverBeAFrameIsSkippedWithoutWaitingOrLookingFurther() {
        assertFalse(assertInstanceOf(FrameRejected.class, broken).truncated());
        assertEquals(FrameVerdict.SKIP, FrameVerdict.of(broken, 0, GRACE, NOT_ASKED));
    }

    @Test
    void unfinishedFileWaitsWhileNothingLaterIsCompleteWithinTheGrace() {
        assertTrue(assertInstanceOf(FrameRejected.class, unfinished).truncated());
        assertEquals(FrameVerdict.WAIT, FrameVerdict.of(unfinished, 0, GRACE, NOTHING_LATER));
        assertEquals(FrameVerdict.WAIT, FrameVerdict.of(unfinished, GRACE - 1, GRACE, NOTHING_LATER));
    }

    @Test
    void unfinishedFileIsSkippedOnceALaterFrameIsComplete() {
        assertEquals(FrameVerdict.SKIP, FrameVerdict.of(unfinished, 0, GRACE, LATER_COMPLETE));
    }

    @Test
    void unfinishedFileIsSkippedWhenTheGraceIsOver() {
        assertEquals(FrameVerdict.SKIP, FrameVerdict.of(unfinished, GRACE, GRACE, NOT_ASKED));
    }
}
