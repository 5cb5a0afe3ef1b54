package io.gifstream.stream;

import java.io.IOException;

/**
 * A viewer's end of one open response, as the container offers it for non-blocking writes (the
 * servlet adapter lives in {@code web}; tests script their own). The contract is the servlet one:
 *
 * <ul>
 *   <li>writes start with the first {@link Callbacks#onWritePossible()} after {@link #listen};</li>
 *   <li>{@link #write} and {@link #flush} return at once and may be called only right after
 *       {@link #isReady()} said true (a flush also right after a write that stayed buffered, see
 *       {@link #writeStaysBuffered}); when it says false, {@code onWritePossible} follows as soon as
 *       writing is possible again;</li>
 *   <li>after {@link #complete()}, or once {@link Callbacks#onComplete()} or {@code onError} arrived,
 *       the container may hand the stream to another request: nothing may touch it any more, except
 *       the {@code complete()} that answers an {@code onError}.</li>
 * </ul>
 */
public interface ViewerSink {
    /** Connects the container's callbacks to the viewer; called once, before anything else. */
    void listen(Callbacks viewer);

    /** True when a write now cannot block; false promises a later {@code onWritePossible}. */
    boolean isReady();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** True when {@link #write} sends at once, so that no {@link #flush} need follow it. */
    default boolean sendsOnWrite() {
        return false;
    }

    /**
     * True when a write of this many bytes, into a buffer the last flush emptied, only fills the
     * container's buffer, with room to spare: it sends nothing, so the stream is still ready and the
     * {@link #flush} that sends it may follow without asking {@link #isReady()} again (Tomcat and
     * Undertow write to the connection only when a write fills their buffer).
     */
    default boolean writeStaysBuffered(int bytes) {
        return false;
    }

    /**
     * The most bytes one {@link #write} should carry (one chunk larger than this still goes alone). A
     * container that buffers writes says its buffer's size: a write that fits stays in the buffer and
     * the flush after it sends everything, where a larger write goes to the connection at once and
     * leaves its tail in the container, which then says not ready until its own thread sent it (Tomcat:
     * a poller event and a dispatch for every such write).
     */
    default int largestWrite() {
        return 64 * 1024;
    }

    /** Ends the response; harmless when the container has completed it already. */
    void complete();

    /** What the container reports to the viewer, from any of its threads. */
    interface Callbacks {
        /** Writing is possible (again). */
        void onWritePossible();

        /** The connection failed or timed out: the viewer ends. */
        void onError(Throwable failure);

        /** The response is complete, the viewer's doing or the client's (gone): the viewer ends. */
        void onComplete();
    }
}
