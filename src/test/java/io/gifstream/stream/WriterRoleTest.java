package io.gifstream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A viewer's writer role under real threads: in each round, three threads publish a frame at once and
 * each drains every viewer on its own thread, so drains meet while another thread writes. One thread
 * at a time writes, and a write asked for meanwhile is never lost: when the round's threads are done,
 * with no drain after, every viewer has every frame of the round. A container that calls back on the
 * writer's own thread from inside a write neither starts a second write nor makes the writer wait for itself.
 */
class WriterRoleTest {
    private static final List<StreamFrame> FRAMES = TestStreams.of(Fixtures.SMALL);
    private static final int PUBLISHERS = 3;
    private static final int ROUNDS = 500;

    @Test
    void oneWriterAtATimeAndNoRequestLost() throws InterruptedException {
        Broadcaster broadcaster = new Broadcaster(new StreamSettings(10_000, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ZERO, 10, 0), System::nanoTime, Duration.ZERO);
        List<OneWriterSink> sinks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OneWriterSink sink = new OneWriterSink();
            broadcaster.reserveSeat("10.0.0." + i);
            broadcaster.join(sink, "10.0.0." + i, "viewer " + i, Duration.ZERO);
            sink.viewer.onWritePossible();
            sinks.add(sink);
        }
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger round = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(PUBLISHERS);
        CyclicBarrier done = new CyclicBarrier(PUBLISHERS, () -> {
            int expected = PUBLISHERS * round.incrementAndGet();
            for (OneWriterSink sink : sinks) {
                if (sink.frames() != expected) {
                    failures.add("round " + round + ": a viewer has " + sink.frames() + " of " + expected + " frames");
                }
            }
        });
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            Thread publisher = new Thread(() -> {
                try {
                    for (int i = 0; i < ROUNDS; i++) {
                        start.await();
                        broadcaster.publish(FRAMES.get(i % FRAMES.size()));
                        done.await();
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    failures.add(e.toString());
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        broadcaster.close();

        assertEquals(List.of(), failures.subList(0, Math.min(3, failures.size())),
                "every viewer has every frame of every round, once");
        for (OneWriterSink sink : sinks) {
            assertFalse(sink.overlapped.get(), "two threads wrote to one viewer at once");
        }
    }

    @Test
    void aCallbackFromInsideAWriteWaitsForIt() {
        Broadcaster broadcaster = inline();
        OneWriterSink sink = join(broadcaster);
        sink.insideWrite = () -> sink.viewer.onWritePossible(); // a container calling back on the writer's thread
        for (int i = 0; i < 5; i++) {
            broadcaster.publish(FRAMES.get(i));
        }
        assertFalse(sink.overlapped.get(), "a write began inside another");
        assertEquals(5, sink.frames());
        broadcaster.close();
    }

    @Test
    void theWriterClosesWithoutWaitingForItself() {
        Broadcaster broadcaster = inline();
        OneWriterSink sink = join(broadcaster);
        broadcaster.publish(FRAMES.get(0));
        sink.insideWrite = () -> {
            sink.viewer.onComplete(); // the container found the client gone, on the writer's thread
            throw new IOException("Broken pipe");
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> broadcaster.publish(FRAMES.get(1)));
        assertEquals(0, broadcaster.stats().viewers(), "the viewer left");
        assertFalse(sink.completedByViewer, "completed already by the container: not completed again");
        broadcaster.close();
    }

    private static Broadcaster inline() {
        return new Broadcaster(new StreamSettings(100, Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO, 10, 0),
                System::nanoTime, Duration.ZERO);
    }

    private static OneWriterSink join(Broadcaster broadcaster) {
        OneWriterSink sink = new OneWriterSink();
        broadcaster.reserveSeat("10.0.0.1");
        broadcaster.join(sink, "10.0.0.1", "viewer", Duration.ZERO);
        sink.viewer.onWritePossible();
        return sink;
    }

    /** What a container does on the writer's thread before its write returns. */
    private interface InsideWrite {
        void run() throws IOException;
    }

    /** Always ready; notes a write that starts while another one is under way. */
    private static final class OneWriterSink implements ViewerSink {
        final GifBlockScanner received = new GifBlockScanner();
        final AtomicBoolean overlapped = new AtomicBoolean();
        private final AtomicInteger writing = new AtomicInteger();
        volatile Callbacks viewer;
        volatile InsideWrite insideWrite = () -> { };
        volatile boolean completedByViewer;

        @Override
        public void listen(Callbacks viewer) {
            this.viewer = viewer;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (writing.incrementAndGet() != 1) {
                overlapped.set(true);
            }
            try {
                for (int i = 0; i < 100; i++) {
                    Thread.onSpinWait(); // a write takes a while: room for another thread to try
                }
                synchronized (received) {
                    received.feed(bytes);
                }
                insideWrite.run();
            } finally {
                writing.decrementAndGet();
            }
        }

        int frames() {
            synchronized (received) {
                return received.liveFrames();
            }
        }

        @Override
        public boolean sendsOnWrite() {
            return true;
        }

        @Override
        public void flush() {
        }

        @Override
        public void complete() {
            completedByViewer = true;
        }
    }
}
