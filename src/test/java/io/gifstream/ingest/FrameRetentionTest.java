package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

class FrameRetentionTest {

    @Test
    void retainingEverythingRemembersNothing() {
        FrameRetention retention = new FrameRetention(0);
        for (long number = 1; number <= 100_000; number++) {
            retention.keep(new FrameFile(Path.of("in" + number + ".gif"), number, FileTime.fromMillis(number), true));
        }
        assertEquals(0, retention.remembered(), "a 24/7 stream with retain=0 must not grow the heap");
    }

    @Test
    void retainingSomeRemembersOnlyThose() {
        FrameRetention retention = new FrameRetention(3);
        for (long number = 1; number <= 10; number++) {
            retention.keep(new FrameFile(Path.of("missing", "in" + number + ".gif"), number, FileTime.fromMillis(number), true));
        }
        assertEquals(3, retention.remembered());
    }
}
