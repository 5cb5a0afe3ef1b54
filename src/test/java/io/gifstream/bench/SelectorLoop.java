package io.gifstream.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One thread with one selector, driving its share of the viewers; slow viewers get a read budget every 100 ms. */
final class SelectorLoop implements Runnable {
    private final Selector selector;
    private final ConcurrentLinkedQueue<ViewerConnection> incoming = new ConcurrentLinkedQueue<>();
    private final List<ViewerConnection> slow = new ArrayList<>();
    private final long slowBytesPerTick;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    final LatencyRecorder latencies = new LatencyRecorder();
    private volatile boolean running = true;
    private final Thread thread;

    SelectorLoop(int index, long slowBytesPerSecond) throws IOException {
        this.selector = Selector.open();
        this.slowBytesPerTick = Math.max(1, slowBytesPerSecond / 10);
        this.thread = new Thread(this, "bench-selector-" + index);
        thread.setDaemon(true);
        thread.start();
    }

    void add(ViewerConnection connection) {
        incoming.add(connection);
        selector.wakeup();
    }

    @Override
    public void run() {
        long nextTick = System.nanoTime();
        try {
            while (running) {
                selector.select(20);
                ViewerConnection added;
                while ((added = incoming.poll()) != null) {
                    added.register(selector);
                    if (added.mode() == ViewerConnection.Mode.SLOW) {
                        slow.add(added);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ViewerConnection connection = (ViewerConnection) key.attachment();
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isConnectable()) {
                            connection.onConnectable();
                        } else if (key.isWritable()) {
                            connection.onWritable();
                        } else if (key.isReadable()) {
                            connection.onReadable(buffer);
                        }
                    } catch (IOException e) {
                        connection.closedByServer = true;
                        connection.close();
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now >= nextTick) {
                    nextTick = now + 100_000_000L;
                    for (ViewerConnection connection : slow) {
                        connection.budget = slowBytesPerTick;
                        if (connection.key != null && connection.key.isValid()
                                && (connection.key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                            connection.key.interestOps(SelectionKey.OP_READ);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
