package io.gifstream.stream;

import java.io.IOException;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * A viewer's connection played by the test: {@code isReady()} answers from a seeded schedule, and the
 * container's callbacks arrive only when the test delivers them. It holds the viewer to the servlet
 * contract and fails at once (an {@link AssertionError}, which the viewer does not catch) when it writes
 * without a ready connection, before its first {@code onWritePossible}, or after its response completed.
 */
final class ScriptedSink implements ViewerSink {
    private final String name;
    private final Random schedule;
    private final LongSupplier clock;
    private final double readiness;
    final GifBlockScanner received = new GifBlockScanner();
    private final java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    private boolean scansGif = true;
    private int buffer; // 0: writes go straight out; else a container's response buffer, emptied by flush
    private int buffered;

    private Callbacks viewer;
    private boolean started;
    private boolean mayWrite;
    private boolean readyOnce;
    private boolean stuck;
    private boolean failNextWrite;
    private volatile boolean owesWritePossible;
    private volatile long notReadySince;
    private volatile boolean completedByViewer;
    private boolean containerDone;
    private boolean erred;
    private long bytes;
    private int writes;
    private int isReadyCalls;
    private byte[] firstWrite;

    /** @param readiness how likely an {@code isReady()} is true, 1 for a connection that always keeps up */
    ScriptedSink(String name, Random schedule, LongSupplier clock, double readiness) {
        this.name = name;
        this.schedule = schedule;
        this.clock = clock;
        this.readiness = readiness;
    }

    @Override
    public void listen(Callbacks callbacks) {
        if (viewer != null) {
            throw new AssertionError(name + ": listened to twice");
        }
        viewer = callbacks;
    }

    @Override
    public synchronized boolean isReady() {
        touch("isReady");
        isReadyCalls++;
        if (readyOnce) {
            readyOnce = false;
            mayWrite = true;
        } else {
            mayWrite = !owesWritePossible && !stuck && schedule.nextDouble() < readiness;
        }
        if (!mayWrite && !owesWritePossible) {
            owesWritePossible = true;
            notReadySince = clock.getAsLong();
        }
        return mayWrite;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        touch("write");
        useReadiness("write");
        if (failNextWrite) {
            failNextWrite = false;
            throw new IOException(name + ": connection reset");
        }
        if (scansGif) {
            received.feed(data);
        }
        if (buffer > 0) {
            if (buffered + data.length > buffer) {
                throw new AssertionError(name + ": a write of " + data.length + " bytes overflows the " + buffer
                        + "-byte buffer, which holds " + buffered + " bytes not flushed");
            }
            buffered += data.length;
        }
        if (writeStaysBuffered(data.length) && buffered == data.length) {
            mayWrite = true; // it only filled the emptied buffer, with room to spare: nothing was sent
        }
        raw.writeBytes(data);
        bytes += data.length;
        writes++;
        if (firstWrite == null) {
            firstWrite = data.clone();
        }
    }

    @Override
    public synchronized void flush() {
        touch("flush");
        useReadiness("flush");
        buffered = 0;
    }

    @Override
    public boolean writeStaysBuffered(int bytes) {
        return bytes < buffer;
    }

    @Override
    public int largestWrite() {
        return buffer > 0 ? buffer : ViewerSink.super.largestWrite();
    }

    @Override
    public synchronized void complete() {
        if (completedByViewer) {
            throw new AssertionError(name + ": completed twice");
        }
        if (containerDone && !erred) {
            throw new AssertionError(name + ": completed after the container completed it");
        }
        completedByViewer = true;
    }

    private void touch(String call) {
        if (completedByViewer || containerDone) {
            throw new AssertionError(name + ": " + call + " after the response completed");
        }
        if (!started) {
            throw new AssertionError(name + ": " + call + " before the first onWritePossible");
        }
    }

    private void useReadiness(String call) {
        if (!mayWrite) {
            throw new AssertionError(name + ": " + call + " without isReady() true just before");
        }
        mayWrite = false; // a write may fill the connection: ask again
    }

    /**
     * For a container that holds writes in a response buffer of this size until a flush, as Tomcat
     * does: a write that does not fit fails the test (every test frame fits on its own).
     */
    ScriptedSink buffering(int bytes) {
        buffer = bytes;
        return this;
    }

    /** For a viewer of stills: its bytes are kept, not read as a GIF. */
    ScriptedSink receivingStills() {
        scansGif = false;
        return this;
    }

    boolean receivesStills() {
        return !scansGif;
    }

    /** The bytes of the viewer's first write call, or null. */
    synchronized byte[] firstWrite() {
        return firstWrite;
    }

    /** How many write calls the viewer made. */
    synchronized int writes() {
        return writes;
    }

    /** How many times the viewer asked {@code isReady()}. */
    synchronized int isReadyCalls() {
        return isReadyCalls;
    }

    /** Every byte written so far. */
    synchronized byte[] bytesReceived() {
        return raw.toByteArray();
    }

    // ---- the container's side, driven by the test ----

    /** The container's first onWritePossible. */
    void start() {
        synchronized (this) {
            started = true;
            readyOnce = true;
            owesWritePossible = false;
        }
        viewer.onWritePossible();
    }

    /** The connection drained: the onWritePossible that a not-ready answer promised. */
    void writePossible() {
        synchronized (this) {
            if (!owesWritePossible || stuck) {
                throw new AssertionError(name + ": no onWritePossible is owed");
            }
            owesWritePossible = false;
            readyOnce = true;
        }
        viewer.onWritePossible();
    }

    /** The client went away; the container completes the response. */
    void clientGone() {
        synchronized (this) {
            containerDone = true;
        }
        viewer.onComplete();
    }

    /** The connection failed; the container reports it. */
    void error() {
        synchronized (this) {
            containerDone = true;
            erred = true;
        }
        viewer.onError(new IOException(name + ": broken pipe"));
    }

    /** From now on the connection accepts nothing, and no onWritePossible comes. */
    synchronized void getStuck() {
        stuck = true;
    }

    synchronized void failNextWrite() {
        failNextWrite = true;
    }

    boolean started() {
        return started;
    }

    boolean stuck() {
        return stuck;
    }

    boolean owesWritePossible() {
        return owesWritePossible;
    }

    /** When the connection last said it was not ready, while it still owes the callback. */
    long notReadySince() {
        return notReadySince;
    }

    boolean completedByViewer() {
        return completedByViewer;
    }

    boolean containerDone() {
        return containerDone;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return name;
    }
}
