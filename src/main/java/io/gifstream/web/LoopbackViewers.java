package io.gifstream.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Viewers of this server's own stream, for {@link Warmup}: on one thread, up to {@code concurrent}
 * connections at once, each sending one request, reading whatever arrives and hanging up, until {@code total}
 * have come and gone. Each is held for {@code hold} from the start of its answer (which may take up to 5 s),
 * or, {@link #together}, until every one of them has its answer, so that the server holds them all at once.
 * A viewer counts as served when its answer starts with a 200; when none of the first {@code concurrent} is,
 * it gives up.
 */
final class LoopbackViewers {
    private static final byte[] OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int BURST = 16;
    private static final long TOGETHER = -1;

    record Outcome(int served, int failed, String firstFailure) {
        /** This run and a later one together. */
        Outcome and(Outcome later) {
            return new Outcome(served + later.served, failed + later.failed,
                    firstFailure != null ? firstFailure : later.firstFailure);
        }
    }

    private final InetSocketAddress server;
    private final byte[] request;
    private final int concurrent;
    private final long holdNanos; // TOGETHER: until every viewer has its answer

    LoopbackViewers(InetSocketAddress server, String request, int concurrent, Duration hold) {
        this(server, request, concurrent, hold.toNanos());
    }

    private LoopbackViewers(InetSocketAddress server, String request, int concurrent, long holdNanos) {
        this.server = server;
        this.request = request.getBytes(StandardCharsets.US_ASCII);
        this.concurrent = concurrent;
        this.holdNanos = holdNanos;
    }

    /** {@code count} viewers opened at once, each held until all have their answer, then all hung up. */
    static LoopbackViewers together(InetSocketAddress server, String request, int count) {
        return new LoopbackViewers(server, request, count, TOGETHER);
    }

    /** Runs until {@code total} viewers are done, the deadline passes or the thread is interrupted. */
    Outcome run(int total, long deadlineNanos, IntConsumer finishedSoFar) throws IOException {
        Tally tally = new Tally(finishedSoFar);
        tally.holdUntil = deadlineNanos; // for viewers held together: until all have their answer
        List<Viewing> open = new ArrayList<>();
        ByteBuffer discard = ByteBuffer.allocate(64 * 1024);
        try (Selector selector = Selector.open()) {
            int started = 0;
            while (tally.finished < total && !tally.reachedNoneOfFirst(concurrent)
                    && System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted()) {
                // a few at a time: a burst of connections overflows a connector's accept queue (50 by
                // default in Jetty), and each connection it drops waits a second or more for its retry
                for (int burst = 0; burst < BURST && started < total && started - tally.finished < concurrent;
                        burst++, started++) {
                    open.add(open(selector, tally));
                }
                long now = System.nanoTime();
                long nextHangUp = now + ANSWER_TIMEOUT_NANOS;
                for (Viewing viewing : open) {
                    if (!viewing.done && now - viewing.hangUpAt >= 0) {
                        tally.finish(viewing, viewing.answeredOk ? null : "no answer within "
                                + TimeUnit.NANOSECONDS.toSeconds(ANSWER_TIMEOUT_NANOS) + " s");
                    } else if (!viewing.done && viewing.hangUpAt - nextHangUp < 0) {
                        nextHangUp = viewing.hangUpAt;
                    }
                }
                open.removeIf(viewing -> viewing.done);
                boolean moreToOpen = started < total && started - tally.finished < concurrent;
                if (open.isEmpty() && !moreToOpen) {
                    continue; // every viewer came and went
                }
                selector.select(moreToOpen ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextHangUp - now) + 1));
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Viewing) key.attachment()).ready(key, discard, tally);
                }
                selector.selectedKeys().clear();
                if (holdNanos == TOGETHER && started == total && tally.answered + tally.failed == total) {
                    long release = System.nanoTime();
                    open.forEach(viewing -> viewing.hangUpAt = release);
                }
            }
            open.forEach(Viewing::close);
        }
        return new Outcome(tally.served, tally.failed, tally.firstFailure);
    }

    private Viewing open(Selector selector, Tally tally) throws IOException {
        Viewing viewing = new Viewing(SocketChannel.open(), System.nanoTime() + ANSWER_TIMEOUT_NANOS);
        try {
            viewing.channel.configureBlocking(false);
            viewing.channel.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT left behind by thousands
            viewing.channel.connect(server);
            viewing.channel.register(selector, SelectionKey.OP_CONNECT, viewing);
        } catch (IOException e) {
            tally.finish(viewing, e.toString());
        }
        return viewing;
    }

    private static final class Tally {
        private final IntConsumer progress;
        private long holdUntil;
        private int finished;
        private int answered;
        private int served;
        private int failed;
        private String firstFailure;

        Tally(IntConsumer progress) {
            this.progress = progress;
        }

        /** True when the first {@code count} viewers all failed: the server is not where they went. */
        boolean reachedNoneOfFirst(int count) {
            return finished >= count && served == 0;
        }

        void finish(Viewing viewing, String failure) {
            if (viewing.done) {
                return;
            }
            viewing.close();
            finished++;
            if (failure == null) {
                served++;
            } else {
                failed++;
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
            progress.accept(finished);
        }
    }

    private final class Viewing {
        private final SocketChannel channel;
        private long hangUpAt; // first: the answer's deadline; once it came: the end of the hold
        private final byte[] statusLine = new byte[OK.length];
        private int statusBytes;
        private boolean answeredOk;
        private boolean done;

        Viewing(SocketChannel channel, long hangUpAt) {
            this.channel = channel;
            this.hangUpAt = hangUpAt;
        }

        void ready(SelectionKey key, ByteBuffer discard, Tally tally) {
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    channel.write(ByteBuffer.wrap(request)); // a few hundred bytes: a fresh socket takes them at once
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    read(discard, tally);
                }
            } catch (IOException e) {
                tally.finish(this, e.toString());
            }
        }

        private void read(ByteBuffer discard, Tally tally) throws IOException {
            discard.clear();
            int read = channel.read(discard);
            if (read < 0) {
                tally.finish(this, answeredOk ? null : "closed without an answer");
                return;
            }
            for (int i = 0; i < read && statusBytes < statusLine.length; i++) {
                statusLine[statusBytes++] = discard.get(i);
            }
            if (statusBytes == statusLine.length && !answeredOk) {
                answeredOk = Arrays.equals(statusLine, OK);
                if (answeredOk) {
                    tally.answered++;
                    hangUpAt = holdNanos == TOGETHER ? tally.holdUntil : System.nanoTime() + holdNanos;
                } else {
                    tally.finish(this, "answered " + new String(statusLine, StandardCharsets.US_ASCII));
                }
            }
        }

        void close() {
            done = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a loopback socket: nothing to do about a failure
            }
        }
    }
}
