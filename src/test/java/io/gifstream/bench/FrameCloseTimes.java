package io.gifstream.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * When the producer closed each frame file, also logged as lines {@code in<n>.gif <epoch millis>}. A
 * screenshot can read only a frame's number, and numbers repeat (every 256 frames), so a screenshot
 * belongs to the newest frame of its number closed before it was taken.
 */
final class FrameCloseTimes implements AutoCloseable {
    private final Map<Integer, Deque<Long>> byNumber = new ConcurrentHashMap<>();
    private final PrintWriter log;

    FrameCloseTimes(Path logFile) throws IOException {
        log = new PrintWriter(Files.newBufferedWriter(logFile), true);
    }

    void closed(String fileName, int number, long epochMillis) {
        byNumber.computeIfAbsent(number, n -> new ConcurrentLinkedDeque<>()).addLast(epochMillis);
        log.println(fileName + " " + epochMillis);
    }

    /** When the newest frame with this number closed before the given moment was closed, or null. */
    Long lastClosedBefore(int number, long epochMillis) {
        Deque<Long> times = byNumber.get(number);
        if (times != null) {
            for (Iterator<Long> newestFirst = times.descendingIterator(); newestFirst.hasNext(); ) {
                long closed = newestFirst.next();
                if (closed <= epochMillis) {
                    return closed;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        log.close();
    }
}
