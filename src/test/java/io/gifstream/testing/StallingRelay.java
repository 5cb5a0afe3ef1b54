package io.gifstream.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A network that stalls on demand: a TCP relay in front of the server that, while stalled, holds
 * every byte it receives in either direction and passes it on when the stall ends, as a congested
 * mobile or Wi-Fi link does. The bytes the server wrote meanwhile then reach the browser at once.
 */
public final class StallingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long stalledUntilNanos;

    public StallingRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Holds all traffic for the given time from now. */
    public void stall(long millis) {
        stalledUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(server);
                pump(client, server, "relay-up");
                pump(server, client, "relay-down");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    waitOutStall();
                    out.write(buffer, 0, n);
                }
            } catch (IOException | InterruptedException gone) {
                // either side closed: closing both ends the other pump too
            } finally {
                open.remove(from);
                open.remove(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void waitOutStall() throws InterruptedException {
        long left;
        while ((left = stalledUntilNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** The address of the server behind a URL, e.g. http://localhost:8080/. */
    public static InetSocketAddress addressOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
