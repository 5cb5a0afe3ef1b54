package io.gifstream.web;

import io.gifstream.ingest.IngestStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether frames arrive, for {@code /health}. The reason names a cause from a fixed list and never the
 * source's own words: the ingest state may carry a path or an exception message, and {@code /health}
 * answers anyone.
 *
 * @param healthy whether a frame arrived within the allowed age and the source is working
 * @param reason  one line for a monitor's log: "ok", "frame directory missing", "no frame for 12 s", …
 */
record Health(boolean healthy, String reason) {

    static Health of(IngestStatus ingest, Duration maxFrameAge) {
        String state = ingest.state();
        if (state.startsWith("failed")) {
            return unhealthy("ingest failed");
        }
        if (state.equals("stopped") || state.equals("not started")) {
            return unhealthy("ingest " + state);
        }
        if (state.equals("directory missing") || state.equals("directory unreadable")) {
            return unhealthy("frame " + state);
        }
        double age = ingest.secondsSinceLastFrame();
        if (age < 0) {
            return unhealthy("no frame yet");
        }
        if (age > maxFrameAge.toMillis() / 1000.0) {
            return unhealthy(String.format(Locale.ROOT, "no frame for %.0f s", Math.floor(age)));
        }
        return new Health(true, "ok");
    }

    private static Health unhealthy(String reason) {
        return new Health(false, reason);
    }
}
