package io.gifstream.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The heaviest client abuse, measured rather than asserted (bench/abuse.sh): what hostile clients cost
 * one fast viewer — frames lost and latency — and whether the server returns to its baseline.
 *
 * <pre>java … ClientAbuseBenchmark [stuck slowHeaders vanishing cycles]   (default 1000 200 500 10000)</pre>
 */
public final class ClientAbuseBenchmark {
    private ClientAbuseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ClientAbuse.Load load = args.length == 4
                ? new ClientAbuse.Load(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                : new ClientAbuse.Load(1000, 200, 500, 10_000);
        try (ClientAbuse scene = new ClientAbuse(Path.of("target/bench/abuse").toAbsolutePath())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> scene.framesIngested() > 5);
            JsonNode baseline = scene.sampleAfterGc();
            ViewerConnection fast = scene.viewer(ViewerConnection.Mode.FAST, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.frames > 0);
            fast.recording = true;
            long ingestedBefore = scene.framesIngested();
            long fastBefore = fast.frames;
            long started = System.nanoTime();

            List<ViewerConnection> stuck = scene.stuckViewers(load.stuck());
            List<Socket> slowHeaders = scene.slowHeaders(load.slowHeaders());
            int vanished = scene.vanishMidFrame(load.vanishing());
            int cycles = scene.connectAndDisconnect(load.cycles());
            double abuseSeconds = (System.nanoTime() - started) / 1e9;
            stuck.forEach(ViewerConnection::close);
            for (Socket socket : slowHeaders) {
                socket.close();
            }
            long written = scene.stopProducer();
            await().atMost(Duration.ofSeconds(10)).until(() -> scene.framesIngested() >= written);
            long ingested = scene.framesIngested() - ingestedBefore;
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(1)).until(() -> true);
            long received = fast.frames - fastBefore;
            fast.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> scene.probe.status().get("viewers").asInt() == 0);
            JsonNode after = scene.sampleAfterGc();

            System.out.printf("load: %d stuck, %d slow headers, %d vanishing mid-frame (%d did), %d connect/disconnect"
                    + " (%d did), over %.1f s%n", load.stuck(), load.slowHeaders(), load.vanishing(), vanished,
                    load.cycles(), cycles, abuseSeconds);
            System.out.printf("fast viewer: %d of %d frames (%d lost), latency p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms%n",
                    received, ingested, Math.max(0, ingested - received), scene.latencyPercentile(50),
                    scene.latencyPercentile(95), scene.latencyPercentile(99), scene.latencyPercentile(100));
            System.out.printf("server: heap after GC %.1f -> %.1f MB, open files %d -> %d, threads %d -> %d,"
                    + " viewers stalled out %d%n",
                    baseline.get("heapUsedBytes").asLong() / 1e6, after.get("heapUsedBytes").asLong() / 1e6,
                    baseline.get("openFileDescriptors").asLong(), after.get("openFileDescriptors").asLong(),
                    baseline.get("liveThreads").asInt(), after.get("liveThreads").asInt(),
                    after.get("viewersDisconnectedStalled").asLong());
        }
    }
}
