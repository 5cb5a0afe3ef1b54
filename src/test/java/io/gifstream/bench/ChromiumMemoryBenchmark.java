package io.gifstream.bench;

import io.gifstream.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Chromium's memory while it plays the page for a long time: the proportional set size (PSS, so
 * shared pages count once) of every Chromium process of this browser, sampled every minute.
 * Arguments: page URL, minutes, and optionally a fixture folder and the server's frame directory
 * for a producer at 10 fps.
 */
public final class ChromiumMemoryBenchmark {
    private ChromiumMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/";
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 30;
        Path profile = Files.createTempDirectory("memory-chromium");
        BenchProducer producer = null;
        if (args.length > 3) {
            producer = new BenchProducer(Path.of(args[3]), BenchProducer.fixtures(Path.of(args[2])), new FrameClock());
            producer.start(10);
        }
        try (HeadlessChromium browser = new HeadlessChromium(profile)) {
            browser.open(url);
            System.out.println("| minute | Chromium processes | PSS MB |");
            System.out.println("|---|---|---|");
            for (long minute = 0; minute <= minutes; minute++) {
                long[] pss = pssOf(profile.toString());
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

    /** {processes, total PSS in kB} of the Chromium processes started with this profile directory. */
    private static long[] pssOf(String profile) {
        long[] total = new long[2];
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("chromium"))
                .filter(p -> belongsTo(p, profile))
                .forEach(p -> {
                    total[0]++;
                    total[1] += pssKb(p.pid());
                });
        return total;
    }

    // the browser process carries the profile on its command line; its helpers are its descendants
    private static boolean belongsTo(ProcessHandle process, String profile) {
        for (ProcessHandle p = process; p != null; p = p.parent().orElse(null)) {
            if (p.info().commandLine().orElse("").contains(profile)) {
                return true;
            }
        }
        return false;
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
