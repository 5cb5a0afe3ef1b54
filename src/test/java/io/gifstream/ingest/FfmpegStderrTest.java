package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class FfmpegStderrTest {
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getAnonymousLogger();

    FfmpegStderrTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record.getMessage());
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

    private FfmpegStderr drained(String stderr) {
        FfmpegStderr drain = new FfmpegStderr(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)),
                new ThrottledWarning(log, Duration.ofMinutes(1), "ffmpeg", "ffmpeg lines", "quiet"));
        drain.run();
        return drain;
    }

    @Test
    void keepsTheLastLineAndLogsOnlyTheFirstOfABurst() {
        FfmpegStderr drain = drained("[rtsp @ 0x1] method DESCRIBE failed: 404\r\nerror one\n\nerror two\n"
                + "rtsp://cam/1: Server returned 404 Not Found");
        assertEquals("rtsp://cam/1: Server returned 404 Not Found", drain.lastLine());
        assertEquals(List.of("ffmpeg: [rtsp @ 0x1] method DESCRIBE failed: 404"), warnings);
    }

    @Test
    void endlessLineIsCut() {
        FfmpegStderr drain = drained("x".repeat(100_000));
        assertEquals(FfmpegStderr.MAX_LINE, drain.lastLine().length());
    }
}
