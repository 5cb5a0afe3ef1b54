package io.gifstream.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The production fan-out: every viewer gets every frame, written by the worker threads, not the publisher. */
class FanOutTest {
    private static final List<StreamFrame> FRAMES = TestStreams.of(Fixtures.SMALL);

    @Test
    void everyViewerGetsEveryFrameFromTheWorkers() {
        // no keep-alive within the test: its tick would drain every viewer too
        Broadcaster broadcaster = new Broadcaster(new StreamSettings(100, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ZERO, 1000, 0));
        try {
            broadcaster.publish(FRAMES.get(0));
            List<ScriptedSink> sinks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ScriptedSink sink = new ScriptedSink("viewer " + i, new Random(i), System::nanoTime, 1.0);
                assertEquals(true, broadcaster.reserveSeat("10.0.0." + i));
                broadcaster.join(sink, "10.0.0." + i, "viewer " + i, Duration.ZERO);
                sink.start();
                sinks.add(sink);
            }
            for (int i = 1; i <= 30; i++) {
                broadcaster.publish(FRAMES.get(i % FRAMES.size()));
            }
            for (ScriptedSink sink : sinks) {
                await().atMost(Duration.ofSeconds(10)).until(() -> frames(sink) == 31);
            }
            assertEquals(50 * 31, broadcaster.stats().framesSent());
            assertEquals(0, broadcaster.stats().framesDropped());
        } finally {
            broadcaster.close();
        }
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("gifstream-fan-out")).toList(),
                "the fan-out's threads end with the broadcaster");
    }

    private static int frames(ScriptedSink sink) {
        synchronized (sink) {
            return sink.received.liveFrames();
        }
    }
}
