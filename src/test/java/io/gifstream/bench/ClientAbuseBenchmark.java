package io.gifstream.bench;

import java.nio.file.Path;

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
            ClientAbuse.Outcome outcome = scene.run(load);
            System.out.printf("load: %d stuck, %d slow headers, %d vanishing mid-frame (%d did), %d connect/disconnect"
                    + " (%d did), over %.1f s%n", load.stuck(), load.slowHeaders(), load.vanishing(), outcome.vanished(),
                    load.cycles(), outcome.cycles(), outcome.abuseSeconds());
            System.out.printf("fast viewer: %d of %d frames (%d lost)%s, latency p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms%n",
                    outcome.fastFrames(), outcome.framesIngested(),
                    Math.max(0, outcome.framesIngested() - outcome.fastFrames()),
                    outcome.fastValid() ? "" : ", INVALID: " + outcome.fastFailure(), scene.latencyPercentile(50),
                    scene.latencyPercentile(95), scene.latencyPercentile(99), scene.latencyPercentile(100));
            System.out.printf("server: heap after GC %.1f -> %.1f MB, open files %d -> %d, threads %d -> %d,"
                    + " viewers stalled out %d%n",
                    outcome.baseline().get("heapUsedBytes").asLong() / 1e6, outcome.after().get("heapUsedBytes").asLong() / 1e6,
                    outcome.baseline().get("openFileDescriptors").asLong(), outcome.after().get("openFileDescriptors").asLong(),
                    outcome.baseline().get("liveThreads").asInt(), outcome.after().get("liveThreads").asInt(),
                    outcome.after().get("viewersDisconnectedStalled").asLong());
        }
    }
}
