package io.gifstream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.MultipartReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The whole fan-out without a container: publish, join, leave, errors, stalls, keep-alive ticks, size
 * changes and shutdown in seeded random order, each viewer a {@link ScriptedSink}, time a number the
 * test moves. After every step, every viewer's bytes are a header and whole blocks, the counts agree,
 * and no stuck viewer outlives the stall timeout. A failure names its seed; rerun just that one with
 * {@code -Dgifstream.interleavings.seed=N}.
 */
class BroadcasterInterleavingTest {
    private static final int BACKLOG = 3;
    private static final StreamSettings SETTINGS = new StreamSettings(BACKLOG, Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ofMillis(500), 6, 3);
    private static final long MS = 1_000_000L;
    private static final List<StreamFrame> SMALL = TestStreams.of(Fixtures.SMALL);
    private static final List<StreamFrame> MEDIUM = TestStreams.of(Fixtures.MEDIUM);
    private static final Logger QUIET = quiet(Logger.getLogger(Broadcaster.class.getName()));

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING); // thousands of size changes and disconnections
        return logger;
    }

    @Test
    void randomInterleavingsKeepEveryStreamWholeAndEveryCountRight() {
        Long only = Long.getLong("gifstream.interleavings.seed");
        int seeds = Integer.getInteger("gifstream.interleavings.seeds", 500);
        int steps = Integer.getInteger("gifstream.interleavings.steps", 200);
        for (long seed = only != null ? only : 1; seed <= (only != null ? only : seeds); seed++) {
            new Run(seed).play(steps);
        }
    }

    private record Joined(ScriptedSink sink, Viewer viewer) {
    }

    private static final class Run {
        private final long seed;
        private final Random random;
        private long now = 1_000 * MS;
        private final Broadcaster broadcaster;
        private final List<Joined> joined = new ArrayList<>();
        private final ArrayDeque<String> log = new ArrayDeque<>();
        private List<StreamFrame> stream = SMALL;
        private int nextFrame;
        private long joinedBeforeClose;
        private boolean closed;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.broadcaster = new Broadcaster(SETTINGS, () -> now, Duration.ZERO);
        }

        void play(int steps) {
            int step = 0;
            try {
                for (; step < steps; step++) {
                    step();
                    check();
                }
                finish();
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + ", step " + step + " (rerun with -Dgifstream.interleavings.seed=" + seed
                        + "); last steps:\n  " + String.join("\n  ", log), e);
            }
        }

        private void step() {
            int roll = random.nextInt(100);
            if (roll < 25) {
                publish();
            } else if (roll < 37) {
                join();
            } else if (roll < 47) {
                on(sink -> !sink.started() && !done(sink), "start", ScriptedSink::start);
            } else if (roll < 67) {
                on(sink -> sink.owesWritePossible() && !sink.stuck() && !done(sink), "writePossible",
                        ScriptedSink::writePossible);
            } else if (roll < 70) {
                on(sink -> !done(sink), "getStuck", ScriptedSink::getStuck);
            } else if (roll < 74) {
                on(sink -> !sink.containerDone(), "clientGone", ScriptedSink::clientGone);
            } else if (roll < 76) {
                on(sink -> !done(sink), "error", ScriptedSink::error);
            } else if (roll < 78) {
                on(sink -> !done(sink), "failNextWrite", ScriptedSink::failNextWrite);
            } else if (roll < 99) {
                tick();
            } else if (!closed) {
                note("close");
                broadcaster.close();
                closed = true;
                assertTrue(broadcaster.viewers().isEmpty(), "close() leaves no viewer");
            }
        }

        private static boolean done(ScriptedSink sink) {
            return sink.containerDone() || sink.completedByViewer();
        }

        private void publish() {
            now += random.nextInt(150) * MS;
            if (random.nextInt(20) == 0) {
                stream = stream == SMALL ? MEDIUM : SMALL;
                note("size change");
            }
            note("publish at " + now / MS);
            broadcaster.publish(stream.get(nextFrame++ % stream.size()));
        }

        private void join() {
            String address = "10.0.0." + random.nextInt(3);
            if (!broadcaster.reserveSeat(address)) {
                note("join refused for " + address);
                return;
            }
            double readiness = new double[] {1, 0.8, 0.4}[random.nextInt(3)];
            ScriptedSink sink = new ScriptedSink("viewer" + joined.size(), random, () -> now, readiness);
            if (random.nextInt(3) == 0) {
                note("join " + sink + " to stills from " + address + " ready " + readiness);
                joined.add(new Joined(sink.receivingStills(), broadcaster.joinStills(sink, address, sink.toString())));
            } else {
                note("join " + sink + " from " + address + " ready " + readiness);
                Duration preroll = random.nextBoolean() ? Duration.ZERO : SETTINGS.preroll();
                joined.add(new Joined(sink, broadcaster.join(sink, address, sink.toString(), preroll)));
            }
            if (!closed) {
                joinedBeforeClose++;
            }
        }

        private void on(Predicate<ScriptedSink> which, String what, java.util.function.Consumer<ScriptedSink> action) {
            List<ScriptedSink> candidates = joined.stream().map(Joined::sink).filter(which).toList();
            if (!candidates.isEmpty()) {
                ScriptedSink sink = candidates.get(random.nextInt(candidates.size()));
                note(what + " " + sink);
                action.accept(sink);
            }
        }

        private void tick() {
            now += random.nextInt(1500) * MS;
            note("tick at " + now / MS);
            broadcaster.tick();
            assertStuckViewersReaped();
        }

        /** The end of the run: time passes, stuck viewers go; then shutdown leaves nobody. */
        private void finish() {
            now += SETTINGS.stallTimeout().toNanos() + 1_000 * MS;
            note("tick at " + now / MS);
            broadcaster.tick();
            assertStuckViewersReaped();
            check();
            note("close");
            broadcaster.close();
            assertTrue(broadcaster.viewers().isEmpty(), "close() leaves no viewer");
            assertEquals(0, broadcaster.seatsTaken(), "close() leaves no seat taken");
            check();
        }

        private void assertStuckViewersReaped() {
            long stall = SETTINGS.stallTimeout().toNanos();
            for (Joined each : joined) {
                ScriptedSink sink = each.sink();
                if (sink.owesWritePossible() && now - sink.notReadySince() > stall) {
                    assertTrue(each.viewer().isClosed(), sink + " has accepted nothing since "
                            + sink.notReadySince() / MS + " but was not disconnected at " + now / MS);
                }
            }
        }

        private void check() {
            Set<Viewer> serving = broadcaster.viewers();
            StreamStats stats = broadcaster.stats();
            assertEquals(serving.size(), stats.viewers(), "viewers in /status");
            assertEquals(serving.size(), broadcaster.seatsTaken(), "seats held");
            long liveFrames = 0;
            long comments = 0;
            long stillsParts = 0;
            long bytes = 0;
            long waiting = 0;
            for (Joined each : joined) {
                ScriptedSink sink = each.sink();
                Viewer viewer = each.viewer();
                assertEquals(!viewer.isClosed(), serving.contains(viewer), sink + " is served exactly while open");
                assertEquals(viewer.isClosed(), done(sink), sink + " response completes exactly when its viewer closes");
                if (sink.receivesStills()) {
                    MultipartReader stills = MultipartReader.of(sink.bytesReceived()); // fails on any malformed part
                    assertEquals(0, stills.pendingBytes(), sink + " received part of a still");
                    if (stills.closed()) {
                        assertTrue(sink.completedByViewer() || sink.owesWritePossible(),
                                sink + " completes as soon as its connection took the close delimiter");
                    }
                    // a closing part shows the newest frame again: not a frame sent
                    stillsParts += stills.parts().size() - (stills.closed() ? 1 : 0);
                } else {
                    assertEquals(0, sink.received.pendingBytes(), sink + " received part of a block");
                    if (sink.received.trailerSeen()) {
                        assertTrue(sink.completedByViewer() || sink.owesWritePossible(),
                                sink + " completes as soon as its connection took the trailer");
                    }
                }
                int queued = viewer.framesWaiting();
                assertTrue(queued <= BACKLOG, sink + " holds " + queued + " frames, over the backlog");
                waiting += queued;
                liveFrames += sink.received.liveFrames();
                comments += sink.received.comments();
                bytes += sink.bytes();
            }
            StreamCounters counters = broadcaster.counters();
            // a keep-alive of stills is a part too, so only the sum of frames and keep-alives can be told apart
            assertEquals(liveFrames + comments + stillsParts, stats.framesSent() + stats.keepAlivesSent(),
                    "frames and keep-alives sent");
            assertTrue(comments <= stats.keepAlivesSent(), "keep-alives sent");
            assertEquals(bytes, stats.bytesSent(), "bytes sent");
            assertEquals(counters.framesQueued.sum(),
                    stats.framesSent() + stats.framesDropped() + counters.framesUnsent.sum() + waiting,
                    "every queued frame is sent, dropped, waiting, or unsent when its viewer closed");
            assertEquals(joinedBeforeClose, stats.viewersJoined(), "viewers joined");
        }

        private void note(String step) {
            if (log.size() == 40) {
                log.removeFirst();
            }
            log.addLast(step);
        }
    }
}
