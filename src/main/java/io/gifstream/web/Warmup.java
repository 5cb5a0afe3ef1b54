package io.gifstream.web;

import io.gifstream.channel.Channel;
import io.gifstream.channel.Channels;
import io.gifstream.ingest.Ingest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warms the JVM up before the server reports itself ready. A JVM that starts cold serves its first crowd
 * slowly: 5,000 viewers arriving at once at a server started seconds before found the JIT compiler and the
 * container's still interpreted request path on the cores for four seconds, frames seconds late and the last
 * to arrive a second of frames short (bench/README.md). That crowd is what a restart meets when every open
 * page reconnects.
 *
 * <p>So from the first request, which tells the server its own address, it plays {@code requests} short
 * viewers to itself over that connector ({@link LoopbackViewers}), and more while the JIT compiler is still
 * busy: the container's request path (a browser's request: kept alive, so the response is chunked), the
 * non-blocking writes and the fan-out, all the way, on an unlisted channel of the test pattern whose viewers
 * take no real seat and show in no count. Meanwhile {@code /status} and {@code /health} answer 503 "warming up"
 * ({@link WarmupFilter}), so that load balancers, the page and benchmarks wait; streams are served as usual.
 *
 * <p>Then, if asked, it holds a {@code crowd} of viewers at once, on an unlisted channel of its own at a slow
 * frame rate, until all of them are answered. A container that keeps each connection's state for reuse
 * (Tomcat with {@code processorCache="-1"}: some 80 KiB each) then has that many ready, and the collector
 * has moved them out of the young generation: a real crowd that size finds them instead of making 400 MB
 * that the first collection after it must copy (a second's pause on two cores).
 *
 * <p>Last, one full collection ({@link #collectTheWarmUpsGarbage()}), so that a crowd arriving at the ready
 * server meets an empty young generation rather than a collection.
 */
final class Warmup implements AutoCloseable {
    static final String PARAMETER = "gifstream-warmup";
    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());
    private static final int CONCURRENT = 200;
    private static final int ROUND = 2_000;
    // room for viewers that hung up before the server noticed: with 400, a busy Jetty answered 4-7 % of them 503
    private static final int SEATS = CONCURRENT * 5;
    private static final Duration HOLD = Duration.ofMillis(250);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final double FRAMES_PER_SECOND = 25;
    private static final double CROWD_FRAMES_PER_SECOND = 2; // one thread reads what thousands receive

    private final int requests;
    private final int crowd;
    private final Optional<String> accessToken;
    private final Channels channels;
    private final JitCompiler compiler;
    private final String secret = newSecret();
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile boolean warming;
    private volatile int finished;
    private volatile int planned; // short viewers: requests, and the rounds added while the JIT compiler is busy
    private volatile Channel channel;
    private volatile Thread thread;

    Warmup(int requests, int crowd, Optional<String> accessToken, Channels channels) {
        this.requests = requests;
        this.crowd = crowd;
        this.accessToken = accessToken;
        this.channels = channels;
        this.compiler = JitCompiler.ofThisJvm();
        this.planned = requests;
        this.warming = requests + crowd > 0;
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Starts the warm-up towards the connector that took this request; only the first call does anything. */
    void beginFrom(HttpServletRequest request) {
        if (!warming || !begun.compareAndSet(false, true)) {
            return;
        }
        if (request.isSecure()) {
            LOG.warning("no warm-up: the first request came over TLS, and the warm-up's viewers speak plain HTTP");
            warming = false;
            return;
        }
        try {
            InetSocketAddress server = new InetSocketAddress(request.getLocalAddr(), request.getLocalPort());
            String get = request(request.getContextPath(), server);
            channel = channels.openUnlisted("warmup", Ingest.demo(FRAMES_PER_SECOND), SEATS);
            Thread warmer = new Thread(() -> run(server, get), "gifstream-warmup");
            warmer.setDaemon(true);
            thread = warmer;
            warmer.start();
        } catch (RuntimeException e) {
            // a connector without an IP address, say: a server that cannot warm up must still become ready
            LOG.log(Level.WARNING, "no warm-up: it could not start", e);
            if (channel != null) {
                channel.close();
            }
            warming = false;
        }
    }

    // a browser's request: kept alive, so the container chunks the response as it does for every real viewer
    // (with "Connection: close" its chunking stayed cold, and the first real crowd met it being compiled)
    private String request(String contextPath, InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        String hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + server.getPort();
        return "GET " + contextPath + "/stream.gif?" + PARAMETER + "=" + secret + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "Accept: image/avif,image/webp,image/apng,image/*,*/*;q=0.8\r\n"
                + accessToken.map(token -> "Authorization: Bearer " + token + "\r\n").orElse("")
                + "\r\n";
    }

    private void run(InetSocketAddress server, String get) {
        long start = System.nanoTime();
        LOG.info("warming up: " + requests + " viewers of this server at " + server + ", " + CONCURRENT
                + " at a time (more while the JIT compiler is busy)"
                + (crowd > 0 ? ", then a crowd of " + crowd + " at once" : "")
                + ", before /status and /health report it ready");
        try {
            LoopbackViewers.Outcome outcome = playUntilCompiled(server, get, start);
            boolean reachable = requests == 0 || outcome.served() > 0;
            if (crowd > 0 && reachable && !Thread.currentThread().isInterrupted()) {
                Channel fast = channel;
                channel = channels.openUnlisted("warmup-crowd", Ingest.demo(CROWD_FRAMES_PER_SECOND), crowd);
                fast.close();
                outcome = outcome.and(play(LoopbackViewers.together(server, get, crowd), crowd, planned, start));
            }
            if (outcome.served() > 0) {
                collectTheWarmUpsGarbage();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (outcome.served() == 0) {
                LOG.warning("warm-up reached no viewer at " + server + " (" + outcome.firstFailure()
                        + "): ready without it");
            } else {
                LOG.info("warmed up in " + millis + " ms: " + outcome.served() + " viewers served, "
                        + outcome.failed() + " failed" + (outcome.failed() > 0 ? " (" + outcome.firstFailure() + ")" : "")
                        + "; ready");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "warm-up failed: ready without it", e);
        } finally {
            warming = false;
            channel.close();
        }
    }

    /**
     * The short viewers: {@code requests} of them, and more, a round at a time, while the JIT compiler was busy
     * during the last round. It takes a method to its last tier thousands of calls after the method got hot, and
     * later still while it has a queue: on Jetty, 10,000 viewers left it still compiling the container's request
     * path, which it then did under the first real crowd (3.8 s of compiling in that crowd's first 3.4 s, its
     * frames a second late).
     */
    private LoopbackViewers.Outcome playUntilCompiled(InetSocketAddress server, String get, long start)
            throws IOException {
        int round = Math.min(ROUND, requests);
        int played = requests - round;
        LoopbackViewers.Outcome outcome = play(shortViewers(server, get), played, 0, start);
        boolean more = round > 0;
        while (more) {
            compiler.mark();
            outcome = outcome.and(play(shortViewers(server, get), round, played, start));
            played += round;
            more = outcome.served() > 0 && compiler.busySinceMark() && System.nanoTime() - start < LIMIT.toNanos()
                    && !Thread.currentThread().isInterrupted();
            if (more) {
                planned += round;
                LOG.info("warm-up goes on: the JIT compiler is still busy (" + compiler.sinceMark() + ")");
            }
        }
        return outcome;
    }

    /**
     * The warm-up leaves the young generation full of its viewers' garbage, so the first collection after it
     * used to fall wherever the next allocations took it: on Jetty, in one of three runs with a GC log, among
     * the 2,000 connections a second of a crowd arriving at the ready server (a 138 ms pause; that second's
     * frames p50 307 ms late, p99 990 ms). Emptied, it holds the arrival and the next 10 s or so of frames. And a crowd
     * held by the warm-up is there to leave container state (Tomcat's cached processors) that a real crowd finds
     * ready and old, which it is only once a collection ran after it: the first collection under a real crowd
     * had moved its 400 MB (1.2 s, every viewer waiting). So a full collection, once.
     */
    private static void collectTheWarmUpsGarbage() {
        long begin = System.nanoTime();
        System.gc();
        LOG.info("warm-up: asked for a full collection, so that a crowd arriving now meets an empty young "
                + "generation (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms)");
    }

    private static LoopbackViewers shortViewers(InetSocketAddress server, String get) {
        return new LoopbackViewers(server, get, CONCURRENT, HOLD);
    }

    private LoopbackViewers.Outcome play(LoopbackViewers viewers, int count, int finishedBefore, long start)
            throws IOException {
        if (count == 0) {
            return new LoopbackViewers.Outcome(0, 0, null);
        }
        return viewers.run(count, start + LIMIT.toNanos(), done -> finished = finishedBefore + done);
    }

    /** True until the warm-up is over: then the server is ready. */
    boolean isWarming() {
        return warming;
    }

    /** What {@code /status} and {@code /health} say while warming. */
    String progress() {
        return "warming up: " + finished + " of " + (planned + crowd) + " viewers";
    }

    /** The unlisted channel, for a request of the warm-up's own viewers; none for any other request. */
    Optional<Channel> channelFor(HttpServletRequest request) {
        // every request passes here, the status polls of thousands of pages too: parse no query for them
        String query = request.getQueryString();
        if (query == null || !query.contains(PARAMETER)) {
            return Optional.empty();
        }
        String presented = request.getParameter(PARAMETER);
        Channel own = channel;
        if (presented == null || own == null || !MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(own);
    }

    /** Stops a warm-up still running (an undeploy right after the start), and waits for it. */
    @Override
    public void close() {
        Thread warmer = thread;
        if (warmer == null) {
            return;
        }
        warmer.interrupt();
        try {
            warmer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
