package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedAnswerTest {
    private static final long MS = 1_000_000L;
    private long now = 5_000 * MS;
    private final AtomicInteger computed = new AtomicInteger();
    private final SharedAnswer answer = new SharedAnswer(
            () -> ("answer " + computed.incrementAndGet()).getBytes(StandardCharsets.US_ASCII),
            Duration.ofSeconds(1), () -> now);

    private String ask() {
        return new String(answer.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void thousandsOfRequestsWithinASecondShareOneComputation() {
        for (int i = 0; i < 2_500; i++) {
            assertEquals("answer 1", ask());
            now += 300_000; // 2,500 requests in 0.75 s
        }
        assertEquals(1, computed.get());
    }

    @Test
    void theAnswerIsNeverOlderThanTheInterval() {
        assertEquals("answer 1", ask());
        now += 999 * MS;
        assertEquals("answer 1", ask());
        now += 1 * MS;
        assertEquals("answer 2", ask(), "recomputed once a second old");
        now += 10_000 * MS;
        assertEquals("answer 3", ask(), "after a quiet spell, computed on the next request");
        assertEquals(3, computed.get());
    }
}
