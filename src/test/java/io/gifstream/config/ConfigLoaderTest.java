package io.gifstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static GifstreamConfig load(Map<String, String> properties, Map<String, String> environment,
                                        Map<String, String> contextParams) {
        return new ConfigLoader(properties::get, environment::get, contextParams::get).load();
    }

    @Test
    void builtInDefaultsStreamTheDemoAtTenFramesPerSecond() {
        GifstreamConfig config = load(Map.of(), Map.of(), Map.of());
        assertEquals(Optional.empty(), config.framesDir());
        assertEquals(10.0, config.framesPerSecond());
        assertEquals(100, config.retainFrames());
        assertEquals(Duration.ZERO, config.preroll());
        assertEquals(Duration.ofSeconds(5), config.keepAlive());
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsContextParam() {
        String key = ConfigLoader.VIEWER_BACKLOG;
        assertEquals(7, load(Map.of(key, "7"), Map.of("GIFSTREAM_VIEWER_BACKLOG", "8"), Map.of(key, "9")).viewerBacklog());
        assertEquals(8, load(Map.of(), Map.of("GIFSTREAM_VIEWER_BACKLOG", "8"), Map.of(key, "9")).viewerBacklog());
        assertEquals(9, load(Map.of(), Map.of(), Map.of(key, "9")).viewerBacklog());
    }

    @Test
    void environmentNameUpperCasesAndReplacesDotsAndDashes() {
        assertEquals("GIFSTREAM_VIEWER_STALL_TIMEOUT", ConfigLoader.environmentName(ConfigLoader.VIEWER_STALL_TIMEOUT));
        assertEquals(Duration.ofSeconds(4),
                load(Map.of(), Map.of("GIFSTREAM_VIEWER_STALL_TIMEOUT", "4"), Map.of()).stallTimeout());
    }

    @Test
    void framesDirectoryIsAnAbsolutePath() {
        GifstreamConfig config = load(Map.of(ConfigLoader.FRAMES_DIR, "frames"), Map.of(), Map.of());
        assertEquals(Optional.of(Path.of("frames").toAbsolutePath()), config.framesDir());
    }

    @Test
    void rateMayBeFractional() {
        assertEquals(29.97, load(Map.of(ConfigLoader.FRAMES_RATE, "29.97"), Map.of(), Map.of()).framesPerSecond());
    }

    @Test
    void badValueNamesKeyValueAndRange() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(Map.of(), Map.of(), Map.of(ConfigLoader.FRAMES_RATE, "fast")));
        assertEquals(ConfigLoader.FRAMES_RATE, e.key());
        assertTrue(e.getMessage().startsWith("invalid setting gifstream.frames.rate='fast': must be a number from 1 to 50"),
                e.getMessage());
        assertThrows(InvalidConfigException.class,
                () -> load(Map.of(ConfigLoader.KEEPALIVE_SECONDS, "0"), Map.of(), Map.of()));
        assertThrows(InvalidConfigException.class,
                () -> load(Map.of(ConfigLoader.FRAMES_RETAIN, "-1"), Map.of(), Map.of()));
    }

    @Test
    void healthAllowsFiveSecondsWithoutAFrameUnlessSetOtherwise() {
        assertEquals(Duration.ofSeconds(5), load(Map.of(), Map.of(), Map.of()).maxFrameAge());
        assertEquals(Duration.ofSeconds(30),
                load(Map.of(), Map.of("GIFSTREAM_HEALTH_MAX_FRAME_AGE_SECONDS", "30"), Map.of()).maxFrameAge());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(Map.of(ConfigLoader.HEALTH_MAX_FRAME_AGE_SECONDS, "0"), Map.of(), Map.of()));
        assertEquals(ConfigLoader.HEALTH_MAX_FRAME_AGE_SECONDS, e.key());
    }

    @Test
    void sixteenNamedChannelsUnlessSetOtherwise() {
        assertEquals(16, load(Map.of(), Map.of(), Map.of()).maxChannels());
        assertEquals(40, load(Map.of(), Map.of("GIFSTREAM_CHANNELS_MAX", "40"), Map.of()).maxChannels());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(Map.of(ConfigLoader.CHANNELS_MAX, "-1"), Map.of(), Map.of()));
        assertEquals(ConfigLoader.CHANNELS_MAX, e.key());
    }

    @Test
    void statusDetailsAreForOperatorsOnlyUntilSwitchedOn() {
        assertEquals(false, load(Map.of(), Map.of(), Map.of()).statusDetails());
        assertEquals(true, load(Map.of(ConfigLoader.STATUS_DETAILS, "true"), Map.of(), Map.of()).statusDetails());
        assertThrows(InvalidConfigException.class,
                () -> load(Map.of(ConfigLoader.STATUS_DETAILS, "yes"), Map.of(), Map.of()));
    }
}
