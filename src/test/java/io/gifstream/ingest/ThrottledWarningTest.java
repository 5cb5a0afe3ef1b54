package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {
    private static final long SECOND = 1_000_000_000L;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger("test.throttled." + System.nanoTime());
    private final ThrottledWarning warning = new ThrottledWarning(log, Duration.ofSeconds(60),
            "skipping frame", "frames skipped", "frames published again");

    ThrottledWarningTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    lines.add(record.getLevel() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @AfterEach
    void detach() {
        for (Handler handler : log.getHandlers()) {
            log.removeHandler(handler);
        }
    }

    @Test
    void tenSkipsASecondForTwoMinutesAreThreeLinesAndOneForTheRecovery() {
        long now = 0;
        for (int i = 1; i <= 1200; i++) {
            now = i * SECOND / 10;
            warning.occurred("in" + i + ".gif: broken", now);
        }
        warning.succeeded(now + SECOND / 10);
        assertEquals(List.of(
                "WARNING skipping frame: in1.gif: broken",
                "WARNING 599 more frames skipped in the last 60 s, the last: in600.gif: broken",
                "WARNING 600 more frames skipped in the last 60 s, the last: in1200.gif: broken",
                "INFO frames published again"), lines);
    }

    @Test
    void recoveryLineCountsWhatWasNotLoggedYet() {
        warning.occurred("in2.gif: broken", 0);
        warning.occurred("in3.gif: broken", SECOND);
        warning.occurred("in4.gif: broken", 2 * SECOND);
        warning.succeeded(3 * SECOND);
        assertEquals(List.of("WARNING skipping frame: in2.gif: broken",
                "INFO frames published again (2 more frames skipped since the last line, the last: in4.gif: broken)"), lines);
    }

    @Test
    void flappingCauseLogsAtMostAWarningAndARecoveryPerInterval() {
        for (int i = 0; i < 300; i++) {
            long now = i * SECOND / 10;
            if (i % 3 == 1) {
                warning.occurred("in" + i + ".gif: broken", now);
            } else {
                warning.succeeded(now);
            }
        }
        assertEquals(List.of("WARNING skipping frame: in1.gif: broken", "INFO frames published again"), lines);
    }

    @Test
    void afterAQuietIntervalTheNextOccurrenceIsLoggedInFull() {
        warning.occurred("in2.gif: broken", 0);
        warning.succeeded(SECOND);
        warning.succeeded(61 * SECOND);
        warning.occurred("in90.gif: broken", 62 * SECOND);
        assertEquals(List.of("WARNING skipping frame: in2.gif: broken", "INFO frames published again",
                "WARNING skipping frame: in90.gif: broken"), lines);
    }
}
