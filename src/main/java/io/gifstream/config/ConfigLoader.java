package io.gifstream.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link GifstreamConfig} from three layers, highest first: a JVM system property
 * {@code gifstream.<key>}, an environment variable {@code GIFSTREAM_<KEY>} (dots and dashes become
 * underscores, upper case), and the context-param of the same name in {@code web.xml}, which holds
 * every default. A value out of range fails with {@link InvalidConfigException} naming the key.
 */
public final class ConfigLoader {
    public static final String FRAMES_DIR = "gifstream.frames.dir";
    public static final String FRAMES_RATE = "gifstream.frames.rate";
    public static final String FRAMES_RETAIN = "gifstream.frames.retain";
    public static final String FRAMES_MAX_BYTES = "gifstream.frames.max-bytes";
    public static final String FRAMES_MAX_PIXELS = "gifstream.frames.max-pixels";
    public static final String FRAMES_GRACE_MILLIS = "gifstream.frames.grace-millis";
    public static final String FRAMES_RESCAN_MILLIS = "gifstream.frames.rescan-millis";
    public static final String PREROLL_SECONDS = "gifstream.preroll.seconds";
    public static final String VIEWER_BACKLOG = "gifstream.viewer.backlog";
    public static final String WARMUP_REQUESTS = "gifstream.warmup.requests";
    public static final String WARMUP_CROWD = "gifstream.warmup.crowd";
    public static final String VIEWER_STALL_TIMEOUT = "gifstream.viewer.stall-timeout";
    public static final String KEEPALIVE_SECONDS = "gifstream.keepalive.seconds";
    public static final String VIEWERS_MAX = "gifstream.viewers.max";
    public static final String VIEWERS_MAX_PER_ADDRESS = "gifstream.viewers.max-per-address";
    public static final String ACCESS_TOKEN = "gifstream.access.token";
    public static final String PAGE_FRAME_ANCESTORS = "gifstream.page.frame-ancestors";
    public static final String VIEWERS_LOG_FORWARDED_FOR = "gifstream.viewers.log-forwarded-for";
    public static final String PAGE_RECYCLE_SECONDS = "gifstream.page.recycle-seconds";
    public static final String HEALTH_MAX_FRAME_AGE_SECONDS = "gifstream.health.max-frame-age-seconds";
    public static final String STATUS_DETAILS = "gifstream.status.details";
    public static final String CHANNELS_MAX = "gifstream.channels.max";

    private final SettingLayers layers;

    public ConfigLoader(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
                        UnaryOperator<String> contextParams) {
        this.layers = new SettingLayers(systemProperties, environment, contextParams);
    }

    /** The layers of a running JVM in a servlet context. */
    public static ConfigLoader forContext(UnaryOperator<String> contextParams) {
        return new ConfigLoader(System::getProperty, System::getenv, contextParams);
    }

    public GifstreamConfig load() {
        String dir = value(FRAMES_DIR, "");
        String token = value(ACCESS_TOKEN, "");
        return new GifstreamConfig(
                dir.isBlank() ? Optional.empty() : Optional.of(path(FRAMES_DIR, dir)),
                decimal(FRAMES_RATE, "10", 1, 50),
                integer(FRAMES_RETAIN, "100", 0, 10_000_000),
                integer(FRAMES_MAX_BYTES, "8388608", 1024, 1 << 30),
                integer(FRAMES_MAX_PIXELS, "16777216", 1, Integer.MAX_VALUE),
                Duration.ofMillis(integer(FRAMES_GRACE_MILLIS, "500", 0, 60_000)),
                Duration.ofMillis(integer(FRAMES_RESCAN_MILLIS, "1000", 10, 60_000)),
                Duration.ofMillis(Math.round(decimal(PREROLL_SECONDS, "0", 0, 60) * 1000)),
                integer(VIEWER_BACKLOG, "30", 1, 1000),
                Duration.ofSeconds(integer(VIEWER_STALL_TIMEOUT, "30", 1, 3600)),
                Duration.ofSeconds(integer(KEEPALIVE_SECONDS, "5", 1, 3600)),
                integer(VIEWERS_MAX, "10000", 1, 1_000_000),
                integer(VIEWERS_MAX_PER_ADDRESS, "0", 0, 1_000_000),
                token.isEmpty() ? Optional.empty() : Optional.of(token(ACCESS_TOKEN, token)),
                headerValue(PAGE_FRAME_ANCESTORS, value(PAGE_FRAME_ANCESTORS, "'self'")),
                bool(VIEWERS_LOG_FORWARDED_FOR, "false"),
                Duration.ofSeconds(integer(PAGE_RECYCLE_SECONDS, "60", 10, 86_400)),
                Duration.ofSeconds(integer(HEALTH_MAX_FRAME_AGE_SECONDS, "5", 1, 86_400)),
                bool(STATUS_DETAILS, "false"),
                integer(CHANNELS_MAX, "16", 0, 1000),
                integer(WARMUP_REQUESTS, "10000", 0, 1_000_000),
                integer(WARMUP_CROWD, "0", 0, 100_000));
    }

    /** The environment variable that overrides a key: gifstream.viewer.stall-timeout → GIFSTREAM_VIEWER_STALL_TIMEOUT. */
    public static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private String value(String key, String builtInDefault) {
        return layers.value(key, builtInDefault);
    }

    private int integer(String key, String builtInDefault, int min, int max) {
        return layers.integer(key, builtInDefault, min, max);
    }

    private boolean bool(String key, String builtInDefault) {
        return layers.bool(key, builtInDefault);
    }

    private double decimal(String key, String builtInDefault, double min, double max) {
        return layers.decimal(key, builtInDefault, min, max);
    }

    private static String token(String key, String text) {
        if (text.length() < 16 || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new InvalidConfigException(key, "(hidden)", "at least 16 printable ASCII characters without spaces");
        }
        return text;
    }

    /** A value that goes into an HTTP header: no line breaks or semicolons that could add directives or headers. */
    private static String headerValue(String key, String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != ';' && c != ',')) {
            throw new InvalidConfigException(key, text, "CSP source expressions separated by spaces, e.g. 'self' https://intranet.example");
        }
        return text;
    }

    private static Path path(String key, String text) {
        return SettingLayers.path(key, text);
    }
}
