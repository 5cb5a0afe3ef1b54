package io.gifstream.stream;

import io.gifstream.gif.GifBlocks;
import io.gifstream.gif.StreamFrame;
import io.gifstream.gif.StreamHeader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans each published frame out to every viewer. A viewer joins and frames are published under one
 * lock, and a viewer's queue starts with the stream header, so no viewer can ever receive a frame
 * before its header: the ordering holds by construction, not by timing. Writes happen outside the
 * lock, on the {@link FanOut}'s workers, and never block (see {@link Viewer}).
 *
 * <p>A viewer holds its seat, counts in {@link #stats()} and is watched by the stall timer from
 * {@link #join} until its response completes — also after its stream was ended early (by a frame of
 * another size, or by {@link #close()}), while its last frame and trailer are still on their way.
 */
public final class Broadcaster implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Broadcaster.class.getName());
    private static final byte[] KEEP_ALIVE = GifBlocks.comment("keep-alive");
    /** How long {@link #close()} lets ending streams finish before it disconnects the rest. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final StreamSettings settings;
    private final StreamCounters counters = new StreamCounters();
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final ViewerLimits limits;
    private final LongSupplier nanoTime;
    private final Duration closeGrace;
    private final ScheduledExecutorService timer; // null when a test runs the ticks
    private final FanOut fanOut;

    private final Object lock = new Object();
    // guarded by lock
    private StreamHeader header;
    private final ArrayDeque<Published> history = new ArrayDeque<>();
    // the viewers as an array for the fan-out's workers to walk, rebuilt by the next publish after a
    // change (copied on every join, 5,000 viewers arriving at once cost 12.5 million copies under the lock)
    private Viewer[] writeOrder = new Viewer[0];
    private boolean viewersChanged;
    private long lastActivityNanos;
    private boolean closed;

    // the queue item every viewer gets for it, one for all (not one per viewer and frame)
    private record Published(Chunk.Frame chunk, long atNanos) {
        SharedFrame frame() {
            return chunk.frame();
        }
    }

    public Broadcaster(StreamSettings settings) {
        this(settings, new ViewerLimits(settings.maxViewers(), settings.maxViewersPerAddress()));
    }

    /** Seating its viewers in {@code seats}, which other broadcasters may share (their limits are then one). */
    public Broadcaster(StreamSettings settings, ViewerLimits seats) {
        this(settings, seats, System::nanoTime, CLOSE_GRACE, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gifstream-viewer-timer");
            thread.setDaemon(true);
            return thread;
        }), FanOut.parallel(Runtime.getRuntime().availableProcessors()));
    }

    /** Without a timer: the caller runs {@link #tick()} and says what time it is. */
    Broadcaster(StreamSettings settings, LongSupplier nanoTime, Duration closeGrace) {
        this(settings, new ViewerLimits(settings.maxViewers(), settings.maxViewersPerAddress()), nanoTime, closeGrace,
                null, FanOut.inline());
    }

    private Broadcaster(StreamSettings settings, ViewerLimits seats, LongSupplier nanoTime, Duration closeGrace,
                        ScheduledExecutorService timer, FanOut fanOut) {
        this.settings = settings;
        this.limits = seats;
        this.nanoTime = nanoTime;
        this.closeGrace = closeGrace;
        this.lastActivityNanos = nanoTime.getAsLong();
        this.timer = timer;
        this.fanOut = fanOut;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes a seat for a viewer from this address, within the global and per-address limits. A viewer
     * that {@link #join joins} gives its seat back when it leaves; call {@link #releaseSeat} only when
     * the request fails before joining.
     */
    public boolean reserveSeat(String address) {
        if (limits.tryAcquire(address)) {
            return true;
        }
        counters.viewersRejected.increment();
        return false;
    }

    public void releaseSeat(String address) {
        limits.release(address);
    }

    /**
     * Registers a viewer of the animated GIF, holding a {@link #reserveSeat seat} for {@code address}, on
     * an open response and queues its header and the frames of the last {@code preroll} (at least the
     * newest frame). The container starts its writes with the first {@code onWritePossible()}.
     * {@code label} names the viewer in logs. After {@link #close()} the response just ends.
     */
    public Viewer join(ViewerSink sink, String address, String label, Duration preroll) {
        return join(new Viewer(sink, address, label, settings.backlogFrames(), new AnimatedGif(counters),
                counters, nanoTime, this::leave), preroll);
    }

    /**
     * Registers a viewer of {@link MultipartStills stills}, like {@link #join}: it starts with the newest
     * frame, and while its connection is busy only the newest frame waits, since each part replaces the
     * picture on screen anyway.
     */
    public Viewer joinStills(ViewerSink sink, String address, String label) {
        return join(stillsViewer(sink, address, label), Duration.ZERO);
    }

    /**
     * Like {@link #joinStills(ViewerSink, String, String)}, for a response that ends by itself after
     * about this long (the timer looks once a second) with the newest picture and the close delimiter:
     * the server, not the browser, closes the connection (WebKit keeps the connection of an image that a
     * page dropped open until the browser quits).
     */
    public Viewer joinStills(ViewerSink sink, String address, String label, Duration lasting) {
        Viewer viewer = stillsViewer(sink, address, label);
        viewer.endAt(nanoTime.getAsLong() + lasting.toNanos());
        return join(viewer, Duration.ZERO);
    }

    private Viewer stillsViewer(ViewerSink sink, String address, String label) {
        return new Viewer(sink, address, label, 1, new MultipartStills(), counters, nanoTime, this::leave);
    }

    private Viewer join(Viewer viewer, Duration preroll) {
        viewer.listen();
        boolean refused;
        synchronized (lock) {
            refused = closed;
            if (!closed) {
                if (header != null) {
                    viewer.start(header, preroll(preroll));
                }
                // a client gone already (its error arrived before this lock) has left: not added
                if (!viewer.isClosed()) {
                    viewersChanged |= viewers.add(viewer);
                }
                counters.viewersJoined.increment();
            }
        }
        if (refused) {
            viewer.disconnect(); // nothing was sent, so no trailer is owed
        } else {
            viewer.drain();
        }
        return viewer;
    }

    // under the lock, so that a viewer closing while it joins is either never added or removed
    private void leave(Viewer viewer) {
        synchronized (lock) {
            viewersChanged |= viewers.remove(viewer);
            lock.notifyAll(); // close() waits for the ending streams
        }
        limits.release(viewer.address());
    }

    /** Sends a frame to every viewer. A frame of a new stream (another screen size) ends the current viewers' streams. */
    public void publish(StreamFrame frame) {
        Viewer[] order;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (frame.header() != header) {
                startNewStream(frame.header());
            }
            long now = nanoTime.getAsLong();
            Chunk.Frame shared = new Chunk.Frame(SharedFrame.of(frame));
            history.addLast(new Published(shared, now));
            pruneHistory(now);
            if (viewersChanged) {
                writeOrder = viewers.toArray(Viewer[]::new);
                viewersChanged = false;
            }
            int queued = 0;
            for (Viewer viewer : writeOrder) {
                if (viewer.offer(shared)) { // a viewer whose stream is ending takes no more frames
                    queued++;
                }
            }
            counters.framesQueued.add(queued);
            lastActivityNanos = now;
            counters.framesPublished.increment();
            order = writeOrder;
        }
        fanOut.drainAll(order);
    }

    // ends the started streams; their viewers stay until their trailer is out, or the timer reaps them
    private void startNewStream(StreamHeader next) {
        SharedFrame last = lastFrameToEndWith();
        if (header != null) {
            LOG.info("stream size changes from " + header.width() + "x" + header.height() + " to "
                    + next.width() + "x" + next.height() + ": ending current viewers' streams");
            for (Viewer viewer : viewers) {
                if (viewer.hasStarted()) {
                    viewer.end(last);
                }
            }
        }
        header = next;
        history.clear();
    }

    /** The newest frame, for snapshots. */
    public Optional<StreamFrame> latestFrame() {
        synchronized (lock) {
            return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast().frame().gif());
        }
    }

    public StreamSettings settings() {
        return settings;
    }

    public StreamStats stats() {
        StreamHeader current;
        synchronized (lock) {
            current = header;
        }
        return new StreamStats(viewers.size(), counters.viewersJoined.sum(), counters.viewersStalled.sum(),
                counters.viewersRejected.sum(),
                counters.framesPublished.sum(), counters.framesSent.sum(), counters.framesDropped.sum(),
                counters.framesCatchingUp.sum(),
                counters.bytesSent.sum(), counters.keepAlivesSent.sum(),
                current == null ? 0 : current.width(), current == null ? 0 : current.height());
    }

    /**
     * Ends every viewer's stream with the trailer, gives them {@link #CLOSE_GRACE} to go out, then
     * disconnects the viewers still there, and stops the timer: an undeploy never waits on a stuck
     * client, and leaves no viewer behind.
     */
    @Override
    public void close() {
        List<Viewer> ending;
        synchronized (lock) {
            closed = true;
            ending = new ArrayList<>(viewers);
            SharedFrame last = lastFrameToEndWith();
            ending.forEach(viewer -> viewer.end(last));
        }
        ending.forEach(Viewer::drain);
        awaitNoViewers(closeGrace);
        for (Viewer viewer : viewers) {
            LOG.info("disconnecting viewer " + viewer.label() + ": its stream did not finish within "
                    + closeGrace.toMillis() + " ms of shutdown");
            viewer.disconnect();
        }
        fanOut.close();
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitNoViewers(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            try {
                long left;
                while (!viewers.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The viewers served now, streams ending included; for tests. */
    Set<Viewer> viewers() {
        return java.util.Collections.unmodifiableSet(viewers);
    }

    /** Seats taken now; for tests. */
    int seatsTaken() {
        return limits.seated();
    }

    StreamCounters counters() {
        return counters;
    }

    // the newest frame, to stay on screen after the stream ends (see Viewer.end); guarded by lock
    private SharedFrame lastFrameToEndWith() {
        return history.isEmpty() ? null : SharedFrame.ending(history.getLast().frame().gif());
    }

    // newest frames covering the preroll time, never more than a backlog, and at least the newest one
    private List<Chunk.Frame> preroll(Duration preroll) {
        long oldest = nanoTime.getAsLong() - preroll.toNanos();
        ArrayDeque<Chunk.Frame> frames = new ArrayDeque<>();
        var newestFirst = history.descendingIterator();
        while (newestFirst.hasNext() && frames.size() < settings.backlogFrames()) {
            Published published = newestFirst.next();
            if (!frames.isEmpty() && published.atNanos() - oldest < 0) {
                break;
            }
            frames.addFirst(published.chunk());
        }
        return List.copyOf(frames);
    }

    private void pruneHistory(long now) {
        long oldest = now - settings.preroll().toNanos();
        while (history.size() > 1
                && (history.size() > settings.backlogFrames() || history.getFirst().atNanos() - oldest < 0)) {
            history.removeFirst();
        }
    }

    /**
     * Once a second: keep-alive comments during a pause in frames, the end of streams asked to end by
     * now, and disconnection of stalled viewers.
     */
    void tick() {
        try {
            keepAliveAndReap();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep ticking
            LOG.log(Level.SEVERE, "viewer timer failed", e);
        }
    }

    private void keepAliveAndReap() {
        long now = nanoTime.getAsLong();
        boolean keepAlive;
        List<Viewer> ending = new ArrayList<>();
        synchronized (lock) {
            keepAlive = !closed && now - lastActivityNanos >= settings.keepAlive().toNanos();
            if (keepAlive) {
                lastActivityNanos = now;
                for (Viewer viewer : viewers) {
                    viewer.offerComment(KEEP_ALIVE);
                }
            }
            SharedFrame last = null;
            for (Viewer viewer : viewers) {
                if (viewer.dueToEnd(now) && !viewer.isEnding()) {
                    last = last != null ? last : lastFrameToEndWith();
                    viewer.end(last);
                    ending.add(viewer);
                }
            }
        }
        ending.forEach(Viewer::drain);
        long stallNanos = settings.stallTimeout().toNanos();
        for (Viewer viewer : viewers) {
            if (viewer.stalledLongerThan(stallNanos, now)) {
                LOG.info("disconnecting viewer " + viewer.label() + ": it accepted nothing for "
                        + settings.stallTimeout().toSeconds() + " s");
                counters.viewersStalled.increment();
                viewer.disconnect();
            } else if (keepAlive) {
                viewer.drain();
            }
        }
    }
}
