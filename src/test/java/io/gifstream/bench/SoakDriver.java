package io.gifstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A long run against a running gifstream: a producer at 10 fps, steady viewers, and churn — every
 * second a few viewers join and later leave (politely, abruptly, or after getting stuck) — while the
 * server's heap after GC, open file descriptors, threads and viewers are sampled every minute.
 * Options: url, pid, minutes, steady, churn (joins per second), fixtures, frames-dir.
 */
public final class SoakDriver {
    private SoakDriver() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI stream = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/stream.gif"));
        long pid = Long.parseLong(options.getOrDefault("pid", "-1"));
        long minutes = Long.parseLong(options.getOrDefault("minutes", "60"));
        int steady = Integer.parseInt(options.getOrDefault("steady", "50"));
        int churn = Integer.parseInt(options.getOrDefault("churn", "10"));
        Path framesDir = Path.of(options.getOrDefault("frames-dir", "target/soak/frames"));
        Files.createDirectories(framesDir);

        FrameClock clock = new FrameClock();
        LoadGenerator.ServerProbe server = new LoadGenerator.ServerProbe(pid, stream.resolve("status"));
        List<SelectorLoop> loops = List.of(new SelectorLoop(0, 4000), new SelectorLoop(1, 4000));
        InetSocketAddress address = new InetSocketAddress(stream.getHost(), stream.getPort());
        String host = stream.getHost() + ":" + stream.getPort();
        Random random = new Random(1);
        record Visit(ViewerConnection connection, long leaveAtNanos) {
        }
        List<Visit> visits = new ArrayList<>();
        List<ViewerConnection> steadyViewers = new ArrayList<>();
        long joins = 0;

        try (BenchProducer producer = new BenchProducer(framesDir,
                BenchProducer.fixtures(Path.of(options.getOrDefault("fixtures", "src/test/resources/frames/320x240"))), clock)) {
            producer.start(10);
            for (int i = 0; i < steady; i++) {
                ViewerConnection viewer = new ViewerConnection(address, stream.getRawPath(), host,
                        ViewerConnection.Mode.FAST, clock, loops.get(i % 2).latencies);
                viewer.recording = true; // their frame latencies are reported at the end
                steadyViewers.add(viewer);
                loops.get(i % 2).add(viewer);
            }
            System.out.println("| minute | heap after GC MB | open FDs | threads | viewers | viewers joined | stalled | frames ingested | steady viewers' frames |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            long start = System.nanoTime();
            long nextSample = start;
            while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(minutes) + 1) {
                long now = System.nanoTime();
                for (int i = 0; i < churn; i++) {
                    int kind = random.nextInt(10);
                    ViewerConnection.Mode mode = kind < 7 ? ViewerConnection.Mode.FAST
                            : kind < 9 ? ViewerConnection.Mode.SLOW : ViewerConnection.Mode.STUCK;
                    ViewerConnection viewer = new ViewerConnection(address, stream.getRawPath(), host, mode, clock,
                            loops.get(i % 2).latencies);
                    loops.get(i % 2).add(viewer);
                    visits.add(new Visit(viewer, now + TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(5000))));
                    joins++;
                }
                for (Iterator<Visit> it = visits.iterator(); it.hasNext(); ) {
                    Visit visit = it.next();
                    if (visit.leaveAtNanos() <= now) {
                        visit.connection().close(); // leaves mid-frame as often as not
                        it.remove();
                    }
                }
                if (now >= nextSample) {
                    nextSample += TimeUnit.MINUTES.toNanos(1);
                    JsonNode status = sample(server);
                    long steadyFrames = steadyViewers.stream().mapToLong(v -> v.frames).sum();
                    System.out.printf(Locale.ROOT, "| %d | %.1f | %d | %d | %d | %d | %d | %d | %d |%n",
                            TimeUnit.NANOSECONDS.toMinutes(now - start), status.get("heapUsedBytes").asLong() / 1e6,
                            status.get("openFileDescriptors").asLong(), status.get("liveThreads").asInt(),
                            status.get("viewers").asInt(), status.get("viewersJoined").asLong(),
                            status.get("viewersDisconnectedStalled").asLong(), status.get("framesIngested").asLong(),
                            steadyFrames);
                }
                TimeUnit.SECONDS.sleep(1); // the churn's pace: one round of joins per second
            }
            visits.forEach(v -> v.connection().close());
            steadyViewers.forEach(ViewerConnection::close);
            TimeUnit.SECONDS.sleep(5); // let the server notice the last departures before the final sample
            JsonNode end = sample(server);
            System.out.printf(Locale.ROOT, "after all viewers left: heap after GC %.1f MB, %d open FDs, %d threads, %d viewers; %d churn joins%n",
                    end.get("heapUsedBytes").asLong() / 1e6, end.get("openFileDescriptors").asLong(),
                    end.get("liveThreads").asInt(), end.get("viewers").asInt(), joins);
            int[] latencies = LatencyRecorder.merged(loops.stream().map(l -> l.latencies).toList());
            System.out.printf(Locale.ROOT, "latency of all frames, ms: p50 %.1f, p99 %.1f, max %.1f%n",
                    LatencyRecorder.percentile(latencies, 50), LatencyRecorder.percentile(latencies, 99),
                    LatencyRecorder.percentile(latencies, 100));
        } finally {
            loops.forEach(SelectorLoop::stop);
        }
    }

    private static JsonNode sample(LoadGenerator.ServerProbe server) throws Exception {
        server.heapAfterGc();
        return server.status();
    }
}
