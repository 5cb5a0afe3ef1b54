package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.ingest.IngestStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static Health health(String state, double secondsSinceLastFrame) {
        return Health.of(new IngestStatus("directory", "/srv/secret/frames", state, 10, 1, "in3.gif: truncated",
                10, secondsSinceLastFrame), MAX_AGE);
    }

    @Test
    void healthyWhileFramesArriveWithinTheAllowedAge() {
        assertEquals(new Health(true, "ok"), health("watching", 0.1));
        assertEquals(new Health(true, "ok"), health("running", 5.0));
    }

    @Test
    void unhealthyOnceTheNewestFrameIsTooOld() {
        assertEquals(new Health(false, "no frame for 12 s"), health("watching", 12.7));
        assertEquals(new Health(false, "no frame yet"), health("watching", -1));
    }

    @Test
    void aSourceThatCannotDeliverIsUnhealthyAtOnceEvenWithAFreshFrame() {
        assertEquals(new Health(false, "frame directory missing"), health("directory missing", 0.1));
        assertEquals(new Health(false, "frame directory unreadable"), health("directory unreadable", 0.1));
        assertEquals(new Health(false, "ingest stopped"), health("stopped", 0.1));
        assertEquals(new Health(false, "ingest not started"), health("not started", -1));
    }

    @Test
    void aFailedSourceIsReportedWithoutItsExceptionText() {
        assertEquals(new Health(false, "ingest failed"), health("failed: /srv/secret/frames: Permission denied", 0.1));
    }
}
