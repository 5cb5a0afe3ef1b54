package io.gifstream.web;

import io.gifstream.stream.ViewerSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/** A viewer's response in the servlet container: its async context and non-blocking output stream. */
final class ServletViewerSink implements ViewerSink {
    private final AsyncContext async;
    private final ServletOutputStream out;

    ServletViewerSink(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
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
        out.write(bytes);
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
