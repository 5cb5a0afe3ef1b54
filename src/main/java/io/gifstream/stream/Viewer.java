package io.gifstream.stream;

import io.gifstream.gif.StreamHeader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connected browser: a bounded queue of shared, immutable chunks in front of a non-blocking
 * {@link ViewerSink}. The broadcaster only enqueues (under its lock, never doing I/O); writing
 * happens in {@link #drain()}, and only while {@code isReady()} says a write cannot block.
 *
 * <p>One writer per viewer: the thread that takes the writer's role ({@code writeState}) is the only
 * one writing — the publisher, the timer or the container calling {@link #onWritePossible()}. A thread
 * that asks to write while another one writes leaves a request that the writing thread picks up before
 * it lets go, so none is lost and none waits. The sink belongs to this viewer only until its response
 * completes: the container then recycles it for the connection's next request. So closing takes the
 * role too, to wait out a write in progress, and nothing touches the sink once {@code closed} is set.
 * Every call made in the role is non-blocking, so it is held for microseconds, never for a slow client.
 *
 * <p>The role is a field of the viewer, not a lock object: a fan-out thread visits thousands of viewers
 * a frame, each cold in the processor's cache, and every further object it reaches costs a miss.
 */
public final class Viewer implements ViewerSink.Callbacks {
    private static final Logger LOG = Logger.getLogger(Viewer.class.getName());
    private static final long NOT_BLOCKED = Long.MIN_VALUE;
    private static final Chunk TRAILER = new Chunk.Trailer();
    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int WRITE_AGAIN = 2; // asked for while a write was under way
    private static final VarHandle WRITE_STATE;

    static {
        try {
            WRITE_STATE = MethodHandles.lookup().findVarHandle(Viewer.class, "writeState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ViewerSink sink;
    private final String address;
    private final String label;
    private final int backlogFrames;
    private final WireFormat format; // writer only
    private final WriteBatch batch; // writer only
    private final StreamCounters counters;
    private final LongSupplier nanoTime;
    private final Consumer<Viewer> onClose;

    // guarded by queue
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private int queuedFrames;
    private StreamHeader header;
    private boolean ending;

    private volatile int writeState; // IDLE, WRITING or WRITE_AGAIN
    private Thread writingThread; // who took the role; set and cleared by that thread only
    private volatile boolean closed; // set in the writer's role
    private volatile boolean writesStarted;
    private volatile long blockedSinceNanos = NOT_BLOCKED;
    private volatile Long endsAtNanos; // null: the stream ends only with the broadcaster or the client
    private boolean committed; // the response's headers are out, or go with the flush owed; writer only
    private boolean flushOwed; // what was written last waits in the container's buffer; writer only
    private boolean ended; // the stream's last chunk was taken from the queue; writer only

    Viewer(ViewerSink sink, String address, String label, int backlogFrames, WireFormat format,
           StreamCounters counters, LongSupplier nanoTime, Consumer<Viewer> onClose) {
        this.sink = sink;
        this.batch = new WriteBatch(sink.largestWrite());
        this.address = address;
        this.label = label;
        this.backlogFrames = backlogFrames;
        this.format = format;
        this.counters = counters;
        this.nanoTime = nanoTime;
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

    /** Asks for the stream to end by itself at this time; before the viewer joins. */
    void endAt(long nanos) {
        endsAtNanos = nanos;
    }

    /** True when the stream was asked to end by now (see {@link #endAt}). */
    boolean dueToEnd(long nowNanos) {
        Long endsAt = endsAtNanos;
        return endsAt != null && nowNanos - endsAt >= 0;
    }

    /** Connects the container's callbacks to this viewer; once, before anything else. */
    void listen() {
        sink.listen(this);
    }

    // ---- enqueueing, called by the broadcaster under its lock: no I/O here ----

    /** Starts the stream: the header, then the preroll frames. Called at most once, before any frame. */
    void start(StreamHeader streamHeader, List<Chunk.Frame> preroll) {
        synchronized (queue) {
            if (ending) {
                return;
            }
            header = streamHeader;
            queue.add(new Chunk.Header(streamHeader));
            for (Chunk.Frame frame : preroll) {
                enqueueFrame(frame);
            }
            counters.framesQueued.add(preroll.size());
        }
    }

    /**
     * Queues a frame of the given stream, starting the stream first if this viewer has no header yet.
     * False when the stream is ending and takes no more frames; the caller counts the frames queued.
     */
    boolean offer(Chunk.Frame frame) {
        synchronized (queue) {
            if (ending) {
                return false;
            }
            if (header == null) {
                start(frame.frame().gif().header(), List.of());
            }
            enqueueFrame(frame);
            return true;
        }
    }

    /** Queues a keep-alive comment, unless the stream has not started or frames are already waiting. */
    void offerComment(byte[] comment) {
        synchronized (queue) {
            if (header != null && !ending && queue.isEmpty()) {
                queue.add(new Chunk.Comment(comment));
            }
        }
    }

    /**
     * Ends the stream after what is queued, if it ever started: {@code last} (the newest frame, with the
     * longest delay), then the trailer; then the response completes. A GIF that loops forever replays
     * all it played once its trailer arrives — the whole history of a stream — unless its last frame
     * is still showing: so browsers freeze on the last picture for 11 minutes, and the page reconnects.
     */
    void end(SharedFrame last) {
        synchronized (queue) {
            if (ending) {
                return;
            }
            ending = true;
            if (header != null) {
                if (last != null) {
                    queue.add(new Chunk.LastFrame(last));
                }
                queue.add(TRAILER);
            }
        }
    }

    /** True once the stream is ending or ended. */
    boolean isEnding() {
        synchronized (queue) {
            return ending;
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

    private void enqueueFrame(Chunk.Frame frame) {
        if (queuedFrames == backlogFrames) {
            dropOldestFrame();
        }
        queue.add(frame);
        queuedFrames++;
    }

    private void dropOldestFrame() {
        var chunks = queue.iterator();
        while (chunks.hasNext()) {
            if (chunks.next() instanceof Chunk.Frame) {
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
            if (chunk instanceof Chunk.Frame) {
                queuedFrames--;
            }
            return chunk;
        }
    }

    /** Live frames waiting in the queue, counted one by one. */
    int framesWaiting() {
        synchronized (queue) {
            return (int) queue.stream().filter(Chunk.Frame.class::isInstance).count();
        }
    }

    // ---- writing ----

    /** Writes what is queued as far as the connection accepts it now; safe to call from any thread. */
    void drain() {
        if (!startWriting()) {
            return; // the thread writing now writes once more before it lets go
        }
        boolean stopped = false;
        try {
            do {
                if (writesStarted && !closed) {
                    writeWhileReady();
                }
            } while (!(stopped = stopWriting()));
        } finally {
            if (!stopped) { // an Error escaped: the viewer must not stay taken
                writingThread = null;
                writeState = IDLE;
            }
        }
    }

    /** Takes the writer's role; false when another thread has it, which then writes once more for this call. */
    private boolean startWriting() {
        while (true) {
            int state = writeState;
            if (state == IDLE) {
                if (WRITE_STATE.compareAndSet(this, IDLE, WRITING)) {
                    writingThread = Thread.currentThread();
                    return true;
                }
            } else if (state == WRITE_AGAIN || WRITE_STATE.compareAndSet(this, WRITING, WRITE_AGAIN)) {
                return false;
            }
        }
    }

    /** Gives the role up; false when a write was asked for meanwhile, which this thread then does. */
    private boolean stopWriting() {
        writingThread = null; // before the role is free: no other thread can see itself here
        if (WRITE_STATE.compareAndSet(this, WRITING, IDLE)) {
            return true;
        }
        writingThread = Thread.currentThread();
        writeState = WRITING; // the request is taken: the next pass serves it
        return false;
    }

    /** Takes the role, waiting for a writer to let go; a write holds it for microseconds. */
    private void awaitWriterRole() {
        for (int spins = 0; !(writeState == IDLE && WRITE_STATE.compareAndSet(this, IDLE, WRITING)); spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        writingThread = Thread.currentThread();
    }

    private void writeWhileReady() {
        try {
            while (!closed) {
                if (nothingToWrite()) {
                    return; // not even isReady(): in Tomcat that alone is a lock and a walk through five layers
                }
                if (!sink.isReady()) {
                    break;
                }
                if (ended && batch.isEmpty()) {
                    // only now, with nothing pending, does completing send what is left and end the body
                    // (Tomcat cut a response completed while a large last write was still pending)
                    close(null);
                    return;
                }
                long now = nanoTime.getAsLong();
                if (blockedSinceNanos != NOT_BLOCKED) {
                    format.unblockedAt(now);
                }
                blockedSinceNanos = NOT_BLOCKED;
                if (flushOwed) {
                    // out with what the container holds before more goes in: no write overflows its buffer
                    flushOwed = false;
                    sink.flush(); // non-blocking too: isReady() turns false until the bytes are out
                    continue;
                }
                Chunk chunk;
                while (!batch.isFull() && !ended && (chunk = poll()) != null) {
                    batch.add(chunk, format.bytesOf(chunk, now));
                    ended = format.endsWith(chunk);
                    if (chunk instanceof Chunk.Header) {
                        // the response's first write goes alone: WildFly 38 (Undertow), given the header and
                        // the first frame in one write, sent a few of 5,000 new streams their start twice
                        break;
                    }
                }
                if (batch.isEmpty()) {
                    if (endedBeforeStarting()) {
                        close(null); // nothing was ever sent, so no trailer is owed
                        return;
                    }
                    if (committed) {
                        return;
                    }
                    committed = true;
                    sink.flush();
                    continue;
                }
                // This write returns immediately; if a later isReady() is false,
                // onWritePossible is called back when writing is possible again.
                byte[] bytes = batch.bytes();
                if (bytes.length > 0) {
                    sink.write(bytes);
                    committed = true;
                    if (sink.writeStaysBuffered(bytes.length)) {
                        sink.flush(); // still ready: asking isReady() again here was about 7 % of Tomcat's fan-out
                    } else {
                        flushOwed = !sink.sendsOnWrite();
                    }
                }
                batch.sent(counters);
            }
            if (!closed && blockedSinceNanos == NOT_BLOCKED) {
                blockedSinceNanos = nanoTime.getAsLong(); // kept while later drains find it still not ready
            }
        } catch (IOException | RuntimeException e) {
            batch.failed(counters);
            close(e);
        }
    }

    /**
     * True when the stream is under way, was not blocked at the last look and nothing waits: no chunk,
     * no flush owed. Writer only.
     */
    private boolean nothingToWrite() {
        if (!committed || flushOwed || ended || !batch.isEmpty() || blockedSinceNanos != NOT_BLOCKED) {
            return false;
        }
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** True when the connection has accepted nothing for longer than the given time. */
    boolean stalledLongerThan(long nanos, long nowNanos) {
        long since = blockedSinceNanos;
        return since != NOT_BLOCKED && nowNanos - since > nanos;
    }

    /** Ends this viewer at once, without a trailer (its connection is stuck or gone). */
    void disconnect() {
        close(null);
    }

    private void close(Throwable cause) {
        close(cause, true);
    }

    private void close(Throwable cause, boolean completeResponse) {
        // the writer never waits for itself: it closes after a failed write or at the stream's end, and a
        // container may call back on the writer's own thread from inside a write
        boolean writing = writingThread == Thread.currentThread();
        if (!writing) {
            awaitWriterRole(); // waits out a write in progress; nothing writes after this
        }
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            if (!writing) {
                writingThread = null;
                writeState = IDLE; // a request left meanwhile is moot: nothing writes to a closed viewer
            }
        }
        synchronized (queue) {
            ending = true;
            counters.framesUnsent.add(queuedFrames);
            queue.clear();
            queuedFrames = 0;
        }
        if (cause != null) {
            LOG.log(Level.FINE, "viewer " + label + " left: " + cause);
        }
        onClose.accept(this);
        if (completeResponse) {
            sink.complete();
        }
    }

    // ---- container callbacks ----

    @Override
    public void onWritePossible() {
        writesStarted = true;
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        close(failure);
    }

    @Override
    public void onComplete() {
        close(null, false); // completed already: the container may have recycled the response
    }
}
