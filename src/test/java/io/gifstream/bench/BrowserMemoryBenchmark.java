package io.gifstream.bench;

import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.PageBrowser;
import io.gifstream.testing.WebKitBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A browser's memory while it plays the page for a long time: the proportional set size (PSS, so
 * shared pages count once) of every process of the browser this program started, sampled every
 * minute. Arguments: page URL, minutes, optionally a fixture folder and the server's frame directory
 * for a producer at 10 fps, and the browser: chromium (the default) or webkit.
 */
public final class BrowserMemoryBenchmark {
    private BrowserMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/";
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 30;
        String browserName = args.length > 4 ? args[4] : "chromium";
        BenchProducer producer = null;
        if (args.length > 3) {
            producer = new BenchProducer(Path.of(args[3]), BenchProducer.fixtures(Path.of(args[2])), new FrameClock());
            producer.start(10);
        }
        try (PageBrowser browser = open(browserName)) {
            browser.open(url);
            System.out.println("| minute | " + browserName + " processes | PSS MB |");
            System.out.println("|---|---|---|");
            for (long minute = 0; minute <= minutes; minute++) {
                long[] pss = pssOfBrowser();
                System.out.printf(Locale.ROOT, "| %d | %d | %.1f |%n", minute, pss[0], pss[1] / 1024.0);
                if (minute < minutes) {
                    TimeUnit.MINUTES.sleep(1); // the sampling interval
                }
            }
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
    }

    private static PageBrowser open(String name) throws IOException {
        return switch (name) {
            case "chromium" -> new HeadlessChromium(Files.createTempDirectory("memory-chromium"));
            case "webkit" -> new WebKitBrowser(Files.createTempDirectory("memory-webkit"));
            default -> throw new IllegalArgumentException("browser must be chromium or webkit: " + name);
        };
    }

    /**
     * {processes, total PSS in kB} of the browser's own processes among this program's descendants:
     * Chromium's, or WebKit's MiniBrowser and its web, network and GPU processes; not the WebDriver
     * servers nor the X display.
     */
    private static long[] pssOfBrowser() {
        long[] total = new long[2];
        ProcessHandle.current().descendants()
                .filter(p -> isBrowser(p.info().command().orElse("")))
                .forEach(p -> {
                    total[0]++;
                    total[1] += pssKb(p.pid());
                });
        return total;
    }

    private static boolean isBrowser(String command) {
        String name = command.substring(command.lastIndexOf('/') + 1);
        return name.startsWith("chromium") || name.equals("MiniBrowser")
                || (name.startsWith("WebKit") && !name.equals("WebKitWebDriver"));
    }

    private static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
