package io.gifstream.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One simulated viewer on a non-blocking socket: sends the GET, reads the HTTP/1.1 response (chunked
 * or not), and scans the GIF stream for frames, noting each frame's latency. A viewer can read at
 * full speed, at a limited rate, or never.
 */
final class ViewerConnection {
    enum Mode { FAST, SLOW, STUCK }

    private final SocketChannel channel;
    private final Mode mode;
    private final FrameClock clock;
    private final LatencyRecorder latencies;
    private final ByteBuffer request;
    private final GifFrameScanner scanner = new GifFrameScanner(this::frame);
    private final StringBuilder headers = new StringBuilder();
    private boolean headersDone;
    private boolean chunked;
    private int status;
    private long chunkRemaining = -1; // -1: expecting a chunk-size line
    private final StringBuilder chunkLine = new StringBuilder();
    private boolean skipChunkCrlf;
    volatile long frames;
    volatile long framesInWindow;
    volatile boolean closedByServer;
    volatile boolean recording;
    long budget;
    SelectionKey key;

    ViewerConnection(InetSocketAddress server, String path, String host, Mode mode, FrameClock clock,
                     LatencyRecorder latencies) throws IOException {
        this.mode = mode;
        this.clock = clock;
        this.latencies = latencies;
        this.channel = SocketChannel.open();
        if (mode == Mode.STUCK) {
            channel.socket().setReceiveBufferSize(4096);
        }
        channel.configureBlocking(false);
        channel.connect(server);
        request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: gifstream-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    Mode mode() {
        return mode;
    }

    void register(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_CONNECT, this);
    }

    boolean valid() {
        return !scanner.failed() && (status == 0 || status == 200);
    }

    int status() {
        return status;
    }

    String failure() {
        return scanner.failed() ? scanner.failure() : status != 200 && status != 0 ? "HTTP " + status : null;
    }

    void onConnectable() throws IOException {
        if (channel.finishConnect()) {
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    void onWritable() throws IOException {
        channel.write(request);
        if (!request.hasRemaining()) {
            key.interestOps(mode == Mode.STUCK ? 0 : SelectionKey.OP_READ);
        }
    }

    /** Reads what the budget allows (unlimited for fast viewers); returns false once the server closed. */
    boolean onReadable(ByteBuffer buffer) throws IOException {
        buffer.clear();
        if (mode == Mode.SLOW) {
            if (budget <= 0) {
                key.interestOps(0);
                return true;
            }
            buffer.limit((int) Math.min(buffer.capacity(), budget));
        }
        int read = channel.read(buffer);
        if (read < 0) {
            closedByServer = true;
            close();
            return false;
        }
        budget -= read;
        buffer.flip();
        consume(buffer.array(), 0, buffer.limit());
        return true;
    }

    private void consume(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (!headersDone && i < end) {
            headers.append((char) (data[i++] & 0xFF));
            if (headers.length() >= 4 && headers.substring(headers.length() - 4).equals("\r\n\r\n")) {
                headersDone = true;
                String text = headers.toString();
                status = Integer.parseInt(text.substring(9, 12));
                chunked = text.toLowerCase().contains("transfer-encoding: chunked");
            }
        }
        if (!chunked) {
            scanner.feed(data, i, end - i);
            return;
        }
        while (i < end) {
            if (skipChunkCrlf) {
                if (data[i++] == '\n') {
                    skipChunkCrlf = false;
                }
            } else if (chunkRemaining < 0) {
                char c = (char) (data[i++] & 0xFF);
                if (c == '\n') {
                    String size = chunkLine.toString().trim();
                    chunkLine.setLength(0);
                    chunkRemaining = size.isEmpty() ? -1 : Long.parseLong(size.split(";")[0], 16);
                } else {
                    chunkLine.append(c);
                }
            } else {
                int take = (int) Math.min(chunkRemaining, end - i);
                scanner.feed(data, i, take);
                i += take;
                chunkRemaining -= take;
                if (chunkRemaining == 0) {
                    chunkRemaining = -1;
                    skipChunkCrlf = true;
                }
            }
        }
    }

    private void frame(long lzwCrc) {
        frames++;
        if (recording) {
            framesInWindow++;
            long age = clock.age(lzwCrc, System.nanoTime());
            if (age >= 0 && mode == Mode.FAST) { // latency percentiles are the fast viewers' own
                latencies.record(age);
            }
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
