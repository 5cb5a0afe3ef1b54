package io.gifstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.PageBrowser;
import io.gifstream.testing.StallingRelay;
import io.gifstream.testing.WebKitBrowser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Glass-to-glass lag in headless Chromium, Firefox or WebKit (MiniBrowser on Xvfb): a producer writes numbered frames in place (as
 * ffmpeg does) and notes when each file is closed (also in {@code <frames-dir>-closed.log}); the
 * browser shows the page, and screenshots of its image, taken back to back, tell which frame is on
 * screen. Lag = the screenshot that first shows a frame minus the moment its file was closed.
 * Scenarios: steady, stall (2 s without frames, then the missed ones at once), fast and slow (the
 * producer 5 % off the configured rate), network (the browser's network holds all traffic for 3 s,
 * then delivers it at once).
 * Options: url (of the page), frames-dir, fps, seconds, scenario, browser (chromium, firefox or webkit), label,
 * stall-ms (how long the network stalls; 3000), noise (true: big frames of about 90 KB).
 */
public final class LagBenchmark {
    private static final long NETWORK_STALL_AT_SECONDS = 10;

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
        long networkStallMillis = Long.parseLong(options.getOrDefault("stall-ms", "3000"));
        Files.createDirectories(frames);

        byte[][] numbered = new byte[256][];
        for (int i = 0; i < 256; i++) {
            numbered[i] = IndexFrames.gif(i, Boolean.parseBoolean(options.getOrDefault("noise", "false")));
        }
        Path closeLog = frames.resolveSibling(frames.getFileName() + "-closed.log");
        double interval = 1e9 / fps * switch (scenario) {
            case "fast" -> 0.95;
            case "slow" -> 1.05;
            default -> 1.0;
        };
        String browser = options.getOrDefault("browser", "chromium");
        List<long[]> samples;
        try (FrameCloseTimes closedAt = new FrameCloseTimes(closeLog);
             StallingRelay network = new StallingRelay(StallingRelay.addressOf(url))) {
            Thread producer = new Thread(() -> produce(frames, numbered, closedAt, interval, scenario.equals("stall")),
                    "lag-producer");
            producer.setDaemon(true);
            producer.start();
            try {
                TimeUnit.SECONDS.sleep(1); // a first frame for the page to show
                boolean stallNetwork = scenario.equals("network");
                String pageUrl = stallNetwork ? url.replaceFirst(":\\d+/", ":" + network.port() + "/") : url;
                Runnable atStallTime = stallNetwork ? () -> network.stall(networkStallMillis) : () -> { };
                samples = switch (browser) {
                    case "firefox" -> watchInFirefox(pageUrl, seconds, atStallTime, closedAt);
                    case "webkit" -> watch(new WebKitBrowser(Files.createTempDirectory("lag-webkit")),
                            pageUrl, seconds, atStallTime, closedAt);
                    default -> watch(new HeadlessChromium(Files.createTempDirectory("lag-chromium")),
                            pageUrl, seconds, atStallTime, closedAt);
                };
            } finally {
                producer.interrupt();
            }
        }
        report(options.getOrDefault("label", scenario) + (browser.equals("chromium") ? "" : ", " + browser),
                burstAtMillis(scenario, networkStallMillis), samples);
        System.out.println("  server: " + status(url, "viewersJoined", "framesDropped", "framesCatchingUp"));
    }

    /** Screenshots taken back to back in this process, read as they come (Chromium, WebKit). */
    private static List<long[]> watch(PageBrowser opened, String pageUrl, long seconds, Runnable atStallTime,
                                      FrameCloseTimes closedAt) throws IOException {
        try (PageBrowser browser = opened) {
            browser.open(pageUrl);
            LagSamples samples = new LagSamples(System.currentTimeMillis(), closedAt);
            boolean stalled = false;
            while (System.currentTimeMillis() - samples.startMillis < seconds * 1000) {
                if (!stalled && System.currentTimeMillis() - samples.startMillis > NETWORK_STALL_AT_SECONDS * 1000) {
                    atStallTime.run();
                    stalled = true;
                }
                byte[] png = browser.screenshotOf("stream");
                samples.screenshot(System.currentTimeMillis(), png);
            }
            return samples.samples;
        }
    }

    /** Firefox ESR runs under puppeteer-core (src/test/js/screenshots.mjs): screenshots are read afterwards. */
    private static List<long[]> watchInFirefox(String pageUrl, long seconds, Runnable atStallTime,
                                               FrameCloseTimes closedAt) throws IOException, InterruptedException {
        Path shots = Files.createTempDirectory("lag-firefox");
        Process firefox = new ProcessBuilder("node", "src/test/js/screenshots.mjs", pageUrl, shots.toString(),
                Long.toString(seconds)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long startMillis;
        try (var out = new BufferedReader(new InputStreamReader(firefox.getInputStream(), StandardCharsets.UTF_8))) {
            String started = out.readLine();
            if (started == null || !started.startsWith("started ")) {
                throw new IOException("Firefox did not show the page: " + started);
            }
            startMillis = Long.parseLong(started.substring("started ".length()));
            long untilStall = startMillis + NETWORK_STALL_AT_SECONDS * 1000 - System.currentTimeMillis();
            TimeUnit.MILLISECONDS.sleep(Math.max(0, untilStall));
            atStallTime.run();
            if (!firefox.waitFor(seconds + 60, TimeUnit.SECONDS)) {
                firefox.destroyForcibly();
            }
        }
        LagSamples samples = new LagSamples(startMillis, closedAt);
        try (var files = Files.list(shots)) {
            for (Path png : files.sorted(Comparator.comparing(LagBenchmark::takenAt)).toList()) {
                samples.screenshot(takenAt(png), Files.readAllBytes(png));
            }
        }
        return samples.samples;
    }

    private static long takenAt(Path screenshot) {
        return Long.parseLong(screenshot.getFileName().toString().replace(".png", ""));
    }

    /** Screenshots, in the order taken, as lag samples {ms since start, lag ms}: one per frame, when it first shows. */
    private static final class LagSamples {
        final List<long[]> samples = new ArrayList<>();
        final long startMillis;
        private final FrameCloseTimes closedAt;
        private int last = -1;

        LagSamples(long startMillis, FrameCloseTimes closedAt) {
            this.startMillis = startMillis;
            this.closedAt = closedAt;
        }

        void screenshot(long takenAtMillis, byte[] png) throws IOException {
            int number = IndexFrames.read(ImageIO.read(new ByteArrayInputStream(png)));
            Long closed = number < 0 ? null : closedAt.lastClosedBefore(number, takenAtMillis);
            if (closed != null && number != last) {
                samples.add(new long[] {takenAtMillis - startMillis, takenAtMillis - closed});
                last = number;
            }
        }
    }

    private static void produce(Path frames, byte[][] numbered, FrameCloseTimes closedAt, double intervalNanos,
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

    private static void write(Path frames, int n, byte[][] numbered, FrameCloseTimes closedAt) {
        byte[] content = numbered[n % 256];
        try (OutputStream out = Files.newOutputStream(frames.resolve("in" + n + ".gif"))) {
            out.write(content, 0, content.length / 2);
            out.flush();
            out.write(content, content.length / 2, content.length - content.length / 2);
            closedAt.closed("in" + n + ".gif", n % 256, System.currentTimeMillis());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String status(String pageUrl, String... fields) {
        try (InputStream in = URI.create(pageUrl).resolve("status").toURL().openStream()) {
            JsonNode status = new ObjectMapper().readTree(in);
            return Arrays.stream(fields).map(field -> field + " " + status.get(field).asText())
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
    }

    /** When the held-up frames arrive at once: after the producer's stall (10-12 s) or the network's; -1: never. */
    private static long burstAtMillis(String scenario, long networkStallMillis) {
        return switch (scenario) {
            case "stall" -> 12_000;
            case "network" -> NETWORK_STALL_AT_SECONDS * 1000 + networkStallMillis;
            default -> -1;
        };
    }

    private static void report(String label, long burstAt, List<long[]> samples) {
        long[] lags = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        if (lags.length == 0) {
            System.out.println("| " + label + " | no frame seen |");
            return;
        }
        long p50 = lags[(int) Math.ceil(lags.length * 0.50) - 1];
        long p95 = lags[(int) Math.ceil(lags.length * 0.95) - 1];
        long max = lags[lags.length - 1];
        // after a burst: when is the lag back under 300 ms for good?
        String recovery = "";
        if (burstAt > 0) {
            long lastOver = samples.stream().filter(s -> s[0] > burstAt && s[1] >= 300).mapToLong(s -> s[0]).max().orElse(burstAt);
            recovery = String.format(Locale.ROOT, ", back under 300 ms %.1f s after the burst", (lastOver - burstAt) / 1000.0);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d%s |%n", label, lags.length, p50, p95, max, recovery);
        System.out.println("  lags over time (s:ms): " + Arrays.toString(samples.stream()
                .filter(s -> s[0] % 2000 < 100).map(s -> s[0] / 1000 + ":" + s[1]).toArray()));
    }
}
