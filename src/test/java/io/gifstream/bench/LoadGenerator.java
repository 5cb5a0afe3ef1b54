package io.gifstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Opens many concurrent viewers of a running gifstream (NIO, one selector thread per core), while a
 * producer writes real ffmpeg frames into its frame directory, and prints one result row:
 * viewers, frame size, fps, delivered %, latency (file closed → last byte at the viewer), server CPU,
 * RSS and heap per viewer, bytes/s. Options, all {@code --name value}:
 * url (of stream.gif), viewers, slow, slow-rate (bytes/s), stuck, ramp-seconds, seconds,
 * frames-dir, fixtures (folder of in<N>.gif), fps, server-pid.
 */
public final class LoadGenerator {
    private final Map<String, String> options;

    LoadGenerator(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Result result = new LoadGenerator(options).run();
        System.out.println(Result.HEADER);
        System.out.println(result.row());
        if (!result.failures.isEmpty()) {
            System.out.println("invalid streams: " + result.failures);
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private long number(String name, long fallback) {
        return Long.parseLong(option(name, String.valueOf(fallback)));
    }

    Result run() throws Exception {
        URI stream = URI.create(option("url", "http://127.0.0.1:8080/stream.gif"));
        URI status = stream.resolve("status");
        int viewers = (int) number("viewers", 100);
        int slowViewers = (int) number("slow", 0);
        int stuckViewers = (int) number("stuck", 0);
        double fps = Double.parseDouble(option("fps", "10"));
        long seconds = number("seconds", 10);
        long rampMillis = number("ramp-seconds", 5) * 1000;
        long serverPid = number("server-pid", -1);
        Path fixtures = Path.of(option("fixtures", "src/test/resources/frames/159x97"));
        Path framesDir = Path.of(option("frames-dir", "target/bench/frames"));
        Files.createDirectories(framesDir);

        List<byte[]> frames = BenchProducer.fixtures(fixtures);
        FrameClock clock = new FrameClock();
        int cores = Runtime.getRuntime().availableProcessors();
        List<SelectorLoop> loops = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            loops.add(new SelectorLoop(i, number("slow-rate", 2000)));
        }
        ServerProbe server = new ServerProbe(serverPid, status);
        long heapBefore = server.heapAfterGc();

        try (BenchProducer producer = new BenchProducer(framesDir, frames, clock)) {
            producer.start(fps);
            InetSocketAddress address = new InetSocketAddress(stream.getHost(), stream.getPort());
            String host = stream.getHost() + ":" + stream.getPort();
            List<ViewerConnection> connections = new ArrayList<>();
            int total = viewers + slowViewers + stuckViewers;
            long rampStart = System.nanoTime();
            for (int i = 0; i < total; i++) {
                ViewerConnection.Mode mode = i < viewers ? ViewerConnection.Mode.FAST
                        : i < viewers + slowViewers ? ViewerConnection.Mode.SLOW : ViewerConnection.Mode.STUCK;
                SelectorLoop loop = loops.get(i % cores);
                ViewerConnection connection = new ViewerConnection(address, stream.getRawPath(), host, mode, clock,
                        loop.latencies);
                connections.add(connection);
                loop.add(connection);
                long due = rampStart + TimeUnit.MILLISECONDS.toNanos(rampMillis * (i + 1) / total);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the ramp, not waiting for a condition
                }
            }
            TimeUnit.SECONDS.sleep(2); // let every viewer get its header and first frames before measuring
            long heapWithViewers = server.heapAfterGc();

            long producedBefore = producer.framesWritten();
            long bytesBefore = server.bytesSent();
            long cpuBefore = server.cpuTicks();
            connections.forEach(c -> c.recording = true);
            long windowStart = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            connections.forEach(c -> c.recording = false);
            double window = (System.nanoTime() - windowStart) / 1e9;
            long produced = producer.framesWritten() - producedBefore;

            Result result = new Result();
            result.viewers = total;
            result.frameBytes = frames.stream().mapToInt(f -> f.length).sum() / frames.size();
            result.fps = fps;
            result.produced = produced;
            double worstFast = Double.MAX_VALUE;
            double sumFast = 0;
            int fast = 0;
            for (ViewerConnection connection : connections) {
                if (!connection.valid()) {
                    result.failures.add(connection.failure());
                }
                if (connection.mode() == ViewerConnection.Mode.FAST) {
                    double delivered = produced == 0 ? 0 : Math.min(1.0, connection.framesInWindow / (double) produced);
                    worstFast = Math.min(worstFast, delivered);
                    sumFast += delivered;
                    fast++;
                    if (connection.frames > 0) {
                        result.connected++;
                    }
                }
            }
            result.deliveredMin = fast == 0 ? Double.NaN : worstFast * 100;
            result.deliveredMean = fast == 0 ? Double.NaN : sumFast / fast * 100;
            int[] latencies = LatencyRecorder.merged(loops.stream().map(l -> l.latencies).toList());
            result.p50 = LatencyRecorder.percentile(latencies, 50);
            result.p95 = LatencyRecorder.percentile(latencies, 95);
            result.p99 = LatencyRecorder.percentile(latencies, 99);
            result.max = LatencyRecorder.percentile(latencies, 100);
            result.cpuPercent = server.cpuPercent(cpuBefore, window);
            result.rssMb = server.rssKb() / 1024.0;
            result.heapPerViewerKb = heapBefore < 0 || heapWithViewers < 0 ? Double.NaN
                    : (heapWithViewers - heapBefore) / 1024.0 / total;
            result.bytesPerSecond = (server.bytesSent() - bytesBefore) / window;
            connections.forEach(ViewerConnection::close);
            return result;
        } finally {
            loops.forEach(SelectorLoop::stop);
        }
    }

    /** One row of the benchmark table. */
    static final class Result {
        static final String HEADER = "| viewers | frame bytes | fps | fast viewers connected | delivered min/mean % "
                + "| latency p50/p95/p99/max ms | server CPU % | server RSS MB | heap/viewer KB | MB/s sent |";
        int viewers;
        int frameBytes;
        double fps;
        long produced;
        int connected;
        double deliveredMin;
        double deliveredMean;
        double p50;
        double p95;
        double p99;
        double max;
        double cpuPercent;
        double rssMb;
        double heapPerViewerKb;
        double bytesPerSecond;
        final List<String> failures = new ArrayList<>();

        String row() {
            return String.format(Locale.ROOT, "| %d | %d | %.0f | %d | %.1f / %.1f | %.1f / %.1f / %.1f / %.1f | %.0f | %.0f | %.1f | %.1f |",
                    viewers, frameBytes, fps, connected, deliveredMin, deliveredMean, p50, p95, p99, max,
                    cpuPercent, rssMb, heapPerViewerKb, bytesPerSecond / 1e6);
        }
    }

    /** The server process (from /proc, when its pid is known) and its /status. */
    static final class ServerProbe {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final long pid;
        private final URI status;
        private final HttpClient http = HttpClient.newHttpClient();

        ServerProbe(long pid, URI status) {
            this.pid = pid;
            this.status = status;
        }

        JsonNode status() throws IOException, InterruptedException {
            return JSON.readTree(http.send(HttpRequest.newBuilder(status).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
        }

        long bytesSent() throws IOException, InterruptedException {
            return status().get("bytesSent").asLong();
        }

        /** Heap in use right after a full GC of the server (jcmd), or -1 without a pid. */
        long heapAfterGc() throws IOException, InterruptedException {
            if (pid < 0) {
                return -1;
            }
            new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            return status().get("heapUsedBytes").asLong();
        }

        long cpuTicks() throws IOException {
            if (pid < 0) {
                return -1;
            }
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        }

        double cpuPercent(long ticksBefore, double seconds) throws IOException {
            return pid < 0 ? Double.NaN : (cpuTicks() - ticksBefore) / 100.0 / seconds * 100; // USER_HZ = 100
        }

        long rssKb() throws IOException {
            if (pid < 0) {
                return -1;
            }
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }
    }
}
