package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up's viewers against real sockets: served, held together, refused, and nobody there. */
class LoopbackViewersTest {
    private static final String GET = "GET /stream.gif HTTP/1.1\r\nHost: test\r\n\r\n";

    @Test
    void everyViewerIsAnsweredHeldAndHungUp() throws Exception {
        AtomicInteger hungUp = new AtomicInteger();
        try (AnsweringServer server = new AnsweringServer("HTTP/1.1 200 OK\r\n\r\nGIF89a", hungUp)) {
            LoopbackViewers viewers = new LoopbackViewers(server.address(), GET, 10, Duration.ofMillis(50));
            LoopbackViewers.Outcome outcome = viewers.run(60, deadlineIn(Duration.ofSeconds(30)), done -> { });
            assertEquals(60, outcome.served());
            assertEquals(0, outcome.failed());
            server.awaitHungUp(60);
        }
    }

    @Test
    void aCrowdHeldTogetherIsOpenAllAtOnceBeforeAnyoneHangsUp() throws Exception {
        AtomicInteger hungUp = new AtomicInteger();
        try (AnsweringServer server = new AnsweringServer("HTTP/1.1 200 OK\r\n\r\nGIF89a", hungUp)) {
            server.answerLater(Duration.ofMillis(4)); // the n-th connection after n times this: the last after 0.4 s
            LoopbackViewers viewers = LoopbackViewers.together(server.address(), GET, 100);
            LoopbackViewers.Outcome outcome = viewers.run(100, deadlineIn(Duration.ofSeconds(30)), done -> { });
            assertEquals(100, outcome.served());
            server.awaitHungUp(100);
            assertEquals(100, server.answeredAtFirstHangUp(), "connections answered when the first viewer hung up");
        }
    }

    @Test
    void anAnswerOtherThanOkIsAFailureAndAllFailingEndsTheRunEarly() throws Exception {
        try (AnsweringServer server = new AnsweringServer("HTTP/1.1 503 Service Unavailable\r\n\r\n", new AtomicInteger())) {
            LoopbackViewers viewers = new LoopbackViewers(server.address(), GET, 10, Duration.ofMillis(50));
            LoopbackViewers.Outcome outcome = viewers.run(1000, deadlineIn(Duration.ofSeconds(30)), done -> { });
            assertEquals(0, outcome.served());
            assertTrue(outcome.failed() >= 10 && outcome.failed() < 1000, "failed " + outcome.failed());
            assertEquals("answered HTTP/1.1 503", outcome.firstFailure());
        }
    }

    @Test
    void nobodyListeningEndsTheRunAfterTheFirstViewers() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket closedAgain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) closedAgain.getLocalSocketAddress();
        }
        LoopbackViewers viewers = new LoopbackViewers(nobody, GET, 20, Duration.ofMillis(50));
        LoopbackViewers.Outcome outcome = viewers.run(10_000, deadlineIn(Duration.ofSeconds(30)), done -> { });
        assertEquals(0, outcome.served());
        assertTrue(outcome.failed() < 100, "failed " + outcome.failed());
        assertTrue(outcome.firstFailure().contains("Connection refused"), outcome.firstFailure());
    }

    private static long deadlineIn(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    /** Answers every connection with these bytes, then waits for the client to hang up, counting those who do. */
    private static final class AnsweringServer implements AutoCloseable {
        // each connection on a thread of its own: it reads until the client hangs up
        private static final Executor OWN_THREAD = task -> {
            Thread connection = new Thread(task);
            connection.setDaemon(true);
            connection.start();
        };
        private final ServerSocket socket;
        private final AtomicInteger hungUp;
        private final Thread acceptor;
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger answeredAtFirstHangUp = new AtomicInteger(-1);
        private volatile Duration answerDelayStep = Duration.ZERO;

        AnsweringServer(String answer, AtomicInteger hungUp) throws IOException {
            this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            this.hungUp = hungUp;
            this.acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Duration delay = answerDelayStep.multipliedBy(accepted.incrementAndGet());
                        // a server slow to answer some: the JDK's delayer hands each connection on when its time comes
                        CompletableFuture.runAsync(() -> serve(client, answer),
                                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, OWN_THREAD));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket client, String answer) {
            try (client; InputStream in = client.getInputStream()) {
                answered.incrementAndGet(); // before the bytes: no client can hang up on an answer not yet counted
                client.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                while (in.read() >= 0) {
                    // the request, then nothing until the client hangs up
                }
            } catch (IOException hungUpHard) {
                // a reset: the client hung up without lingering
            }
            answeredAtFirstHangUp.compareAndSet(-1, answered.get());
            hungUp.incrementAndGet();
        }

        void answerLater(Duration step) {
            answerDelayStep = step;
        }

        int answeredAtFirstHangUp() {
            return answeredAtFirstHangUp.get();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        void awaitHungUp(int count) {
            await("connections the viewers hung up").atMost(Duration.ofSeconds(10)).until(() -> hungUp.get() == count);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
