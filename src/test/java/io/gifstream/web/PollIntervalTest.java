package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PollIntervalTest {
    @Test
    void fewViewersPollEveryTwoSeconds() {
        assertEquals(2, PollInterval.seconds(0));
        assertEquals(2, PollInterval.seconds(1));
        assertEquals(2, PollInterval.seconds(1_000));
    }

    @Test
    void aCrowdSpreadsItsPollsToAboutFiveHundredASecond() {
        assertEquals(3, PollInterval.seconds(1_001));
        assertEquals(5, PollInterval.seconds(2_500));
        assertEquals(10, PollInterval.seconds(5_000));
    }

    @Test
    void noPageWaitsLongerThanTenSeconds() {
        assertEquals(10, PollInterval.seconds(5_001));
        assertEquals(10, PollInterval.seconds(1_000_000));
    }
}
