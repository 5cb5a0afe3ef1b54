package io.gifstream.web;

import io.gifstream.stream.ViewerSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * A viewer's response in the servlet container: its async context and non-blocking output stream.
 *
 * <p>On Jetty, a frame goes out with one call and no copy: its {@code write(ByteBuffer)} bypasses the
 * response buffer and sends at once, where {@code write(byte[])} copies a frame smaller than the buffer
 * into it and waits for a flush. With 5,000 viewers that is 50,000 copies and flushes a second saved.
 * Other containers buffer every write (Tomcat, Undertow), so there a flush follows, and a write is
 * never larger than their response buffer (see {@link ViewerSink#largestWrite()}).
 */
final class ServletViewerSink implements ViewerSink {
    // Jetty hides its classes from web applications: the output stream's own class is the way in
    private static final ClassValue<MethodHandle> DIRECT_WRITE = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> output) {
            if (!output.getName().equals("org.eclipse.jetty.ee10.servlet.HttpOutput")) {
                return null;
            }
            try {
                return MethodHandles.publicLookup()
                        .findVirtual(output, "write", MethodType.methodType(void.class, ByteBuffer.class))
                        .asType(MethodType.methodType(void.class, ServletOutputStream.class, ByteBuffer.class));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    };

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final MethodHandle directWrite; // null: write(byte[]), then flush
    private final int bufferSize; // the container's response buffer; 0 when it does not say
    private final int largestWrite;

    ServletViewerSink(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
        this.directWrite = DIRECT_WRITE.get(out.getClass());
        this.bufferSize = Math.max(0, async.getResponse().getBufferSize());
        this.largestWrite = directWrite != null || bufferSize == 0
                ? ViewerSink.super.largestWrite()
                : Math.min(bufferSize, ViewerSink.super.largestWrite());
    }

    @Override
    public void listen(Callbacks viewer) {
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                viewer.onComplete();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                viewer.onError(new IOException("async timeout"));
            }

            @Override
            public void onError(AsyncEvent event) {
                viewer.onError(event.getThrowable());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        // the container calls onWritePossible once now, and again after each isReady() that said false
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                viewer.onWritePossible();
            }

            @Override
            public void onError(Throwable failure) {
                viewer.onError(failure);
            }
        });
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (directWrite == null) {
            out.write(bytes);
            return;
        }
        try {
            directWrite.invokeExact(out, ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IOException(impossible);
        }
    }

    @Override
    public boolean sendsOnWrite() {
        return directWrite != null;
    }

    @Override
    public boolean writeStaysBuffered(int bytes) {
        return directWrite == null && bytes < bufferSize;
    }

    @Override
    public int largestWrite() {
        return largestWrite;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container completed it first (client gone); nothing left to do
        }
    }
}
