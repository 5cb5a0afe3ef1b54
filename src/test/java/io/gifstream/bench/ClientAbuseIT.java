package io.gifstream.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile clients against the WAR in a stock Jetty process: 1,000 viewers that never read, slow-header
 * requests, viewers that vanish mid-frame, and 10,000 connect/disconnect cycles — while one fast viewer
 * must keep getting every frame on time, and afterwards the server's heap, file descriptors, threads
 * and viewer count must be back at their baseline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAbuseIT {
    private final Path work = Path.of("target/deploy/ClientAbuseIT").toAbsolutePath();
    private ContainerProcess server;
    private BenchProducer producer;
    private URI stream;
    private LoadGenerator.ServerProbe probe;
    private final FrameClock clock = new FrameClock();
    private final List<SelectorLoop> loops = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path frames = Files.createDirectories(work.resolve("frames"));
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

    @AfterAll
    void stop() throws Exception {
        loops.forEach(SelectorLoop::stop);
        if (producer != null) {
            producer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ViewerConnection viewer(ViewerConnection.Mode mode, int loop) throws Exception {
        ViewerConnection viewer = new ViewerConnection(new InetSocketAddress(stream.getHost(), stream.getPort()),
                stream.getPath(), stream.getHost(), mode, clock, loops.get(loop % 2).latencies);
        loops.get(loop % 2).add(viewer);
        return viewer;
    }

    @Test
    void abuseCostsTheFastViewerNothingAndLeavesNothingBehind() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.status().get("framesIngested").asLong() > 5);
        JsonNode baseline = sample();

        ViewerConnection fast = viewer(ViewerConnection.Mode.FAST, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.frames > 0);
        fast.recording = true;
        long producedBefore = producer.framesWritten();

        List<ViewerConnection> stuck = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            stuck.add(viewer(ViewerConnection.Mode.STUCK, i));
        }
        List<Socket> slowHeaders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            socket.getOutputStream().write("GET /stream.gif HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            slowHeaders.add(socket);
        }
        int vanished = vanishMidFrame(500);
        int cycles = connectAndDisconnect(10_000);
        long joinedBefore = baseline.get("viewersJoined").asLong();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.status().get("viewersJoined").asLong() - joinedBefore >= 1 + 1000 + 500 + 10_000);

        stuck.forEach(ViewerConnection::close);
        for (Socket socket : slowHeaders) {
            socket.close();
        }
        fast.recording = false;
        long produced = producer.framesWritten() - producedBefore;

        assertEquals(500, vanished);
        assertEquals(10_000, cycles);
        assertTrue(fast.valid(), fast.failure());
        assertTrue(fast.framesInWindow >= produced * 0.95,
                "the fast viewer got " + fast.framesInWindow + " of " + produced + " frames");
        int[] latencies = LatencyRecorder.merged(loops.stream().map(l -> l.latencies).toList());
        double p99 = LatencyRecorder.percentile(latencies, 99);
        assertTrue(p99 < 500, "the fast viewer's p99 latency under abuse: " + p99 + " ms");

        fast.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().get("viewers").asInt() == 0);
        JsonNode after = sample();
        assertTrue(after.get("heapUsedBytes").asLong() < baseline.get("heapUsedBytes").asLong() + 16_000_000,
                "heap after GC: " + baseline.get("heapUsedBytes") + " before, " + after.get("heapUsedBytes") + " after");
        await().atMost(Duration.ofSeconds(30)).until(() -> sample().get("openFileDescriptors").asLong()
                <= baseline.get("openFileDescriptors").asLong() + 10);
        // the burst grows Jetty's request thread pool to its maximum of 200; idle pool threads retire
        // after 60 s. Nothing of the application's own may be added on top of that.
        assertTrue(after.get("liveThreads").asInt() <= baseline.get("liveThreads").asInt() + 200,
                "threads: " + baseline.get("liveThreads") + " before, " + after.get("liveThreads") + " after");
    }

    private JsonNode sample() throws Exception {
        probe.heapAfterGc();
        return probe.status();
    }

    /** Viewers that read part of a frame, then reset their connection. */
    private int vanishMidFrame(int count) throws Exception {
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

    /** Viewers that get their first bytes and leave. */
    private int connectAndDisconnect(int count) throws Exception {
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

    private static void runConcurrently(int count, java.util.concurrent.Callable<Void> task) throws Exception {
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
}
