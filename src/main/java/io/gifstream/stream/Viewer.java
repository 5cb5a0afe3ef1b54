package io.gifstream.stream;

import io.gifstream.gif.GifBlocks;
import io.gifstream.gif.StreamFrame;
import io.gifstream.gif.StreamHeader;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connected browser: a bounded queue of shared, immutable chunks in front of a non-blocking
 * {@link WriteListener}. The broadcaster only enqueues (under its lock, never doing I/O); writing
 * happens in {@link #drain()}, run by exactly one thread at a time — the publisher or the container
 * calling {@link #onWritePossible()} — and only while {@code isReady()} says a write cannot block.
 *
 * <p>The output stream belongs to this viewer only until its request completes: the container then
 * recycles it for the connection's next request. So writing and closing exclude each other through
 * {@code outputLock}, and nothing touches the stream once {@code closed} is set. Every call made under
 * that lock is non-blocking, so it is held for microseconds, never for a slow client.
 */
public final class Viewer implements WriteListener, AsyncListener {
    private static final Logger LOG = Logger.getLogger(Viewer.class.getName());

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final String address;
    private final String label;
    private final int backlogFrames;
    private final StreamCounters counters;
    private final Consumer<Viewer> onClose;

    // guarded by queue
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private int queuedFrames;
    private StreamHeader header;
    private boolean ending;

    /** Counts requests to drain; the thread that moves it from 0 drains until no request is left. */
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final Object outputLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean writeListenerActive;
    private volatile long blockedSinceNanos;
    private boolean needsFlush = true; // the first flush commits the response headers; draining thread only
    private boolean lastWriteWasFrame; // draining thread only
    private final PlaybackClock playback = new PlaybackClock(); // draining thread only

    Viewer(AsyncContext async, ServletOutputStream out, String address, String label, int backlogFrames,
           StreamCounters counters, Consumer<Viewer> onClose) {
        this.async = async;
        this.out = out;
        this.address = address;
        this.label = label;
        this.backlogFrames = backlogFrames;
        this.counters = counters;
        this.onClose = onClose;
    }

    /** The connection's address: what seats and limits count. */
    public String address() {
        return address;
    }

    /** How logs name this viewer. */
    public String label() {
        return label;
    }

    // ---- enqueueing, called by the broadcaster under its lock: no I/O here ----

    /** Starts the stream: the header, then the preroll frames. Called at most once, before any frame. */
    void start(StreamHeader streamHeader, List<StreamFrame> preroll) {
        synchronized (queue) {
            header = streamHeader;
            queue.add(Chunk.of(Chunk.Kind.HEADER, streamHeader.bytes()));
            for (StreamFrame frame : preroll) {
                enqueueFrame(frame);
            }
        }
    }

    /** Queues a frame of the given stream, starting the stream first if this viewer has no header yet. */
    void offer(StreamFrame frame) {
        synchronized (queue) {
            if (ending) {
                return;
            }
            if (header == null) {
                start(frame.header(), List.of());
            }
            enqueueFrame(frame);
        }
    }

    /** Queues a keep-alive comment, unless the stream has not started or frames are already waiting. */
    void offerComment(byte[] comment) {
        synchronized (queue) {
            if (header != null && !ending && queue.isEmpty()) {
                queue.add(Chunk.of(Chunk.Kind.COMMENT, comment));
            }
        }
    }

    /**
     * Ends the stream after what is queued, if it ever started: {@code last} (the newest frame, with the
     * longest delay), then the trailer; then the response completes. A GIF that loops forever replays
     * all it played once its trailer arrives — the whole history of a stream — unless its last frame
     * is still showing: so browsers freeze on the last picture for 11 minutes, and the page reconnects.
     */
    void end(StreamFrame last) {
        synchronized (queue) {
            if (ending) {
                return;
            }
            ending = true;
            if (header != null) {
                if (last != null) {
                    queue.add(Chunk.of(Chunk.Kind.LAST_FRAME, last.bytes()));
                }
                queue.add(Chunk.of(Chunk.Kind.TRAILER, GifBlocks.trailer()));
            }
        }
    }

    private boolean endedBeforeStarting() {
        synchronized (queue) {
            return ending && header == null;
        }
    }

    boolean hasStarted() {
        synchronized (queue) {
            return header != null;
        }
    }

    private void enqueueFrame(StreamFrame frame) {
        if (queuedFrames == backlogFrames) {
            dropOldestFrame();
        }
        queue.add(Chunk.frame(frame));
        queuedFrames++;
    }

    private void dropOldestFrame() {
        var chunks = queue.iterator();
        while (chunks.hasNext()) {
            if (chunks.next().droppable()) {
                chunks.remove();
                queuedFrames--;
                counters.framesDropped.increment();
                return;
            }
        }
    }

    private Chunk poll() {
        synchronized (queue) {
            Chunk chunk = queue.poll();
            if (chunk != null && chunk.kind() == Chunk.Kind.FRAME) {
                queuedFrames--;
            }
            return chunk;
        }
    }

    // ---- writing ----

    /** Writes what is queued as far as the connection accepts it now; safe to call from any thread. */
    void drain() {
        if (drainRequests.getAndIncrement() != 0) {
            return; // another thread is draining and will see this request
        }
        int requests = 1;
        do {
            writeWhileReady();
            requests = drainRequests.addAndGet(-requests);
        } while (requests != 0);
    }

    private void writeWhileReady() {
        synchronized (outputLock) {
            if (writeListenerActive && !closed.get()) {
                writeWhileReadyLocked();
            }
        }
    }

    private void writeWhileReadyLocked() {
        try {
            while (!closed.get() && out.isReady()) {
                if (blockedSinceNanos != 0 && lastWriteWasFrame) {
                    playback.lastFrameArrivedNoEarlierThan(System.nanoTime());
                }
                blockedSinceNanos = 0;
                Chunk chunk = poll();
                if (chunk == null) {
                    if (endedBeforeStarting()) {
                        close(null); // nothing was ever sent, so no trailer is owed
                        return;
                    }
                    if (!needsFlush) {
                        return;
                    }
                    needsFlush = false;
                    out.flush(); // non-blocking too: isReady() turns false until the bytes are out
                    continue;
                }
                byte[] bytes = bytesOf(chunk);
                // This write returns immediately; if a later isReady() is false,
                // onWritePossible is called back when writing is possible again.
                out.write(bytes);
                needsFlush = true;
                lastWriteWasFrame = chunk.frame() != null;
                counters.bytesSent.add(bytes.length);
                if (chunk.kind() == Chunk.Kind.FRAME) {
                    counters.framesSent.increment();
                } else if (chunk.kind() == Chunk.Kind.COMMENT) {
                    counters.keepAlivesSent.increment();
                } else if (chunk.kind() == Chunk.Kind.TRAILER) {
                    close(null); // completing the response flushes the trailer and ends the chunked body
                    return;
                }
            }
            if (blockedSinceNanos == 0) {
                blockedSinceNanos = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            close(e);
        }
    }

    /** A frame with its own delay, or with the catch-up delay while the browser is behind. */
    private byte[] bytesOf(Chunk chunk) {
        StreamFrame frame = chunk.frame();
        if (frame == null) {
            return chunk.bytes();
        }
        long now = System.nanoTime();
        if (playback.behind(now)) {
            playback.sent(now, StreamFrame.MIN_DELAY_CENTISECONDS);
            counters.framesCatchingUp.increment();
            return frame.catchUpBytes();
        }
        playback.sent(now, frame.delayCentiseconds());
        return frame.bytes();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** True when the connection has accepted nothing for longer than the given time. */
    boolean stalledLongerThan(long nanos, long nowNanos) {
        long since = blockedSinceNanos;
        return since != 0 && nowNanos - since > nanos;
    }

    /** Ends this viewer at once, without a trailer (its connection is stuck or gone). */
    void disconnect() {
        close(null);
    }

    private void close(Throwable cause) {
        synchronized (outputLock) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
        }
        if (cause != null) {
            LOG.log(Level.FINE, "viewer " + label + " left: " + cause);
        }
        onClose.accept(this);
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container completed it first (client gone); nothing left to do
        }
    }

    // ---- container callbacks ----

    @Override
    public void onWritePossible() {
        writeListenerActive = true;
        drain();
    }

    @Override
    public void onError(Throwable t) {
        close(t);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close(null);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close(new IOException("async timeout"));
    }

    @Override
    public void onError(AsyncEvent event) {
        close(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
