package io.gifstream.bench;

import io.gifstream.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Glass-to-glass lag in headless Chromium: a producer writes numbered frames in place (as ffmpeg does)
 * and notes when each file is closed; the browser shows the page, and screenshots of its image, taken
 * back to back, tell which frame is on screen. Lag = the screenshot that first shows a frame minus
 * the moment its file was closed. Scenarios: steady, stall (2 s without frames, then the missed ones
 * at once), fast and slow (the producer 5 % off the configured rate), network (the browser's network
 * holds all traffic for 3 s, then delivers it at once).
 * Options: url (of the page), frames-dir, fps, seconds, scenario.
 */
public final class LagBenchmark {
    private static final long NETWORK_STALL_AT_SECONDS = 10;
    private static final long NETWORK_STALL_MILLIS = 3_000;
    private LagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080/");
        Path frames = Path.of(options.getOrDefault("frames-dir", "target/bench/frames"));
        double fps = Double.parseDouble(options.getOrDefault("fps", "10"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "30"));
        String scenario = options.getOrDefault("scenario", "steady");
        Files.createDirectories(frames);

        byte[][] numbered = new byte[256][];
        for (int i = 0; i < 256; i++) {
            numbered[i] = IndexFrames.gif(i);
        }
        Map<Integer, Long> closedAt = new ConcurrentHashMap<>();
        double interval = 1e9 / fps * switch (scenario) {
            case "fast" -> 0.95;
            case "slow" -> 1.05;
            default -> 1.0;
        };
        Thread producer = new Thread(() -> produce(frames, numbered, closedAt, interval, scenario.equals("stall")),
                "lag-producer");
        producer.setDaemon(true);

        List<long[]> samples = new ArrayList<>(); // {seconds since start * 1000, lag ms}
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("lag-chromium"));
             StallingRelay network = new StallingRelay(StallingRelay.addressOf(url))) {
            producer.start();
            TimeUnit.SECONDS.sleep(1); // a first frame for the page to show
            boolean stallNetwork = scenario.equals("network");
            browser.open(stallNetwork ? url.replaceFirst(":\\d+/", ":" + network.port() + "/") : url);
            long start = System.nanoTime();
            int last = -1;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                if (stallNetwork && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(NETWORK_STALL_AT_SECONDS)) {
                    network.stall(NETWORK_STALL_MILLIS);
                    stallNetwork = false;
                }
                byte[] png = browser.screenshotOf("stream");
                long now = System.nanoTime();
                int number = IndexFrames.read(ImageIO.read(new ByteArrayInputStream(png)));
                Long closed = number < 0 ? null : closedAt.get(number);
                if (number >= 0 && number != last && closed != null) {
                    samples.add(new long[] {(now - start) / 1_000_000, (now - closed) / 1_000_000});
                    last = number;
                }
            }
        } finally {
            producer.interrupt();
        }
        report(scenario, samples);
        System.out.println("  connections the page opened: " + viewersJoined(url));
    }

    private static void produce(Path frames, byte[][] numbered, Map<Integer, Long> closedAt, double intervalNanos,
                                boolean stall) {
        long start = System.nanoTime();
        List<Integer> missed = new ArrayList<>();
        try {
            for (long n = 1; ; n++) {
                long due = start + Math.round(n * intervalNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the producer's own frame clock
                }
                long sinceStart = System.nanoTime() - start;
                boolean stalled = stall && sinceStart > 10_000_000_000L && sinceStart < 12_000_000_000L;
                if (stalled) {
                    missed.add((int) n);
                    continue;
                }
                for (int late : missed) { // a stalled producer delivers what it missed at once
                    write(frames, late, numbered, closedAt);
                }
                missed.clear();
                write(frames, (int) n, numbered, closedAt);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path frames, int n, byte[][] numbered, Map<Integer, Long> closedAt) {
        byte[] content = numbered[n % 256];
        try (OutputStream out = Files.newOutputStream(frames.resolve("in" + n + ".gif"))) {
            out.write(content, 0, content.length / 2);
            out.flush();
            out.write(content, content.length / 2, content.length - content.length / 2);
            closedAt.put(n % 256, System.nanoTime());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String viewersJoined(String pageUrl) {
        try (var in = java.net.URI.create(pageUrl).resolve("status").toURL().openStream()) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("viewersJoined").asText();
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
    }

    private static void report(String scenario, List<long[]> samples) {
        long[] lags = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        if (lags.length == 0) {
            System.out.println("| " + scenario + " | no frame seen |");
            return;
        }
        long p50 = lags[(int) Math.ceil(lags.length * 0.50) - 1];
        long p95 = lags[(int) Math.ceil(lags.length * 0.95) - 1];
        long max = lags[lags.length - 1];
        // after the producer's stall (10-12 s) or the network's (10-13 s): when is the lag back under
        // 300 ms for good?
        String recovery = "";
        long burstAt = switch (scenario) {
            case "stall" -> 12_000;
            case "network" -> (NETWORK_STALL_AT_SECONDS * 1000 + NETWORK_STALL_MILLIS);
            default -> -1;
        };
        if (burstAt > 0) {
            long lastOver = samples.stream().filter(s -> s[0] > burstAt && s[1] >= 300).mapToLong(s -> s[0]).max().orElse(burstAt);
            recovery = String.format(Locale.ROOT, ", back under 300 ms %.1f s after the burst", (lastOver - burstAt) / 1000.0);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d%s |%n", scenario, lags.length, p50, p95, max, recovery);
        System.out.println("  lags over time (s:ms): " + Arrays.toString(samples.stream()
                .filter(s -> s[0] % 2000 < 100).map(s -> s[0] / 1000 + ":" + s[1]).toArray()));
    }
}
