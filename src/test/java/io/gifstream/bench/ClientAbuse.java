package io.gifstream.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.ContainerProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The scene of the client-abuse test and benchmark: the WAR in a stock Jetty process fed real ffmpeg
 * frames at 10 fps, two selector threads for viewers, and the hostile clients themselves — viewers that
 * never read, requests whose headers never end, viewers that reset their connection mid-frame, and
 * connect/disconnect cycles.
 */
final class ClientAbuse implements AutoCloseable {
    /** How many hostile clients of each kind. */
    record Load(int stuck, int slowHeaders, int vanishing, int cycles) {
        int viewersJoining() {
            return stuck + vanishing + cycles;
        }
    }

    private final ContainerProcess server;
    private final BenchProducer producer;
    private final FrameClock clock = new FrameClock();
    private final List<SelectorLoop> loops = new ArrayList<>();
    final URI stream;
    final LoadGenerator.ServerProbe probe;

    ClientAbuse(Path work) throws Exception {
        Path frames = work.resolve("frames");
        deleteFrames(frames);
        Files.createDirectories(frames);
        int port = ContainerProcess.freePort();
        server = ContainerProcess.startJetty(work, port, "gifstream.frames.dir=" + frames,
                "gifstream.viewer.stall-timeout=3");
        stream = URI.create("http://127.0.0.1:" + port + "/stream.gif");
        probe = new LoadGenerator.ServerProbe(server.pid(), stream.resolve("status"));
        producer = new BenchProducer(frames, BenchProducer.fixtures(Path.of("src/test/resources/frames/159x97")), clock);
        producer.start(10);
        loops.add(new SelectorLoop(0, 1000));
        loops.add(new SelectorLoop(1, 1000));
    }

    private static void deleteFrames(Path frames) throws Exception {
        if (Files.isDirectory(frames)) {
            try (var files = Files.list(frames)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * What one round of abuse cost: the frames the fast viewer got of those ingested while it ran, and
     * the server's status after a GC before the round and once every client had left.
     */
    record Outcome(long fastFrames, long framesIngested, boolean fastValid, String fastFailure, int vanished,
                   int cycles, double abuseSeconds, JsonNode baseline, JsonNode after) {
    }

    /**
     * One fast viewer, then the given hostile clients all at once; then everyone leaves and the producer
     * stops, so that the fast viewer's count can be compared with every frame ingested meanwhile.
     */
    Outcome run(Load load) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> framesIngested() > 5);
        JsonNode baseline = sampleAfterGc();
        ViewerConnection fast = viewer(ViewerConnection.Mode.FAST, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.frames > 0);
        fast.recording = true; // from here the fast viewer's latencies count
        long ingestedBefore = framesIngested();
        long fastBefore = fast.frames;
        long started = System.nanoTime();

        List<ViewerConnection> stuck = stuckViewers(load.stuck());
        List<Socket> slow = slowHeaders(load.slowHeaders());
        int vanished = vanishMidFrame(load.vanishing());
        int cycles = connectAndDisconnect(load.cycles());
        double abuseSeconds = (System.nanoTime() - started) / 1e9;
        long joinedBefore = baseline.get("viewersJoined").asLong();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> probe.status().get("viewersJoined").asLong() - joinedBefore >= 1 + load.viewersJoining());
        stuck.forEach(ViewerConnection::close);
        for (Socket socket : slow) {
            socket.close();
        }

        long written = stopProducer();
        // one file may predate the watcher's first scan: history, never ingested
        await().atMost(Duration.ofSeconds(10)).until(() -> framesIngested() >= written - 1);
        long ingested = framesIngested() - ingestedBefore;
        // a frame published as the window opened may be counted on one side only: one of slack
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.frames - fastBefore >= ingested - 1);
        } catch (ConditionTimeoutException framesLost) {
            // reported by the outcome
        }
        long received = fast.frames - fastBefore;
        boolean valid = fast.valid();
        String failure = fast.failure();
        fast.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().get("viewers").asInt() == 0);
        return new Outcome(received, ingested, valid, failure, vanished, cycles, abuseSeconds, baseline,
                sampleAfterGc());
    }

    ViewerConnection viewer(ViewerConnection.Mode mode, int index) throws Exception {
        ViewerConnection viewer = new ViewerConnection(new InetSocketAddress(stream.getHost(), stream.getPort()),
                stream.getPath(), stream.getHost(), mode, clock, loops.get(index % 2).latencies);
        loops.get(index % 2).add(viewer);
        return viewer;
    }

    List<ViewerConnection> stuckViewers(int count) throws Exception {
        List<ViewerConnection> stuck = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stuck.add(viewer(ViewerConnection.Mode.STUCK, i));
        }
        return stuck;
    }

    /** Connections that send part of a request's headers and nothing more. */
    List<Socket> slowHeaders(int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            socket.getOutputStream().write("GET /stream.gif HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        return sockets;
    }

    /** Viewers that read part of a frame, then reset their connection; returns how many did. */
    int vanishMidFrame(int count) throws Exception {
        AtomicInteger done = new AtomicInteger();
        runConcurrently(count, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
                request(socket);
                socket.getInputStream().readNBytes(700); // headers, the GIF header, and part of a frame
                socket.setSoLinger(true, 0); // close with a reset, as a crashed client does
            }
            done.incrementAndGet();
            return null;
        });
        return done.get();
    }

    /** Viewers that get their first bytes and leave; returns how many did. */
    int connectAndDisconnect(int count) throws Exception {
        AtomicInteger done = new AtomicInteger();
        runConcurrently(count, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
                request(socket);
                InputStream in = socket.getInputStream();
                in.readNBytes(64);
            }
            done.incrementAndGet();
            return null;
        });
        return done.get();
    }

    private void request(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /stream.gif HTTP/1.1\r\nHost: " + stream.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void runConcurrently(int count, Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(task));
            }
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Frames the server has ingested so far. */
    long framesIngested() throws Exception {
        return probe.status().get("framesIngested").asLong();
    }

    /** The producer stops writing; returns how many frames it wrote in all. */
    long stopProducer() {
        producer.close();
        return producer.framesWritten();
    }

    /** The server's status right after a full GC. */
    JsonNode sampleAfterGc() throws Exception {
        probe.heapAfterGc();
        return probe.status();
    }

    /** The fast viewers' frame latencies so far, in ms. */
    double latencyPercentile(double percent) {
        return LatencyRecorder.percentile(LatencyRecorder.merged(loops.stream().map(l -> l.latencies).toList()), percent);
    }

    @Override
    public void close() throws Exception {
        loops.forEach(SelectorLoop::stop);
        producer.close();
        server.close();
    }
}
