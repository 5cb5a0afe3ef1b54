package io.gifstream.channel;

import io.gifstream.config.ChannelName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ConfigLoader;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.ingest.FramePipeline;
import io.gifstream.ingest.FrameSource;
import io.gifstream.ingest.Ingest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry with real sources: the demo pattern, and directories that need not hold frames. */
class ChannelsTest {
    @TempDir
    Path root;

    private Channels channels;

    private Channels start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent(ConfigLoader.FRAMES_DIR, root.toString());
        GifstreamConfig config = new ConfigLoader(key -> null, key -> null, all::get).load();
        channels = new Channels(config);
        return channels;
    }

    @AfterEach
    void close() {
        channels.close();
    }

    @Test
    void defaultChannelIsFoundByItsReservedName() {
        start(Map.of());
        assertSame(channels.defaultChannel(), channels.find("default").orElseThrow());
        assertEquals(List.of(channels.defaultChannel()), channels.all());
        assertEquals(Optional.empty(), channels.find("cam1"));
        assertEquals(Optional.empty(), channels.find(null));
        assertThrows(IllegalArgumentException.class, () -> channels.add("default", demo()));
        assertTrue(channels.addDirectory("default", root.resolve("default")).isPresent());
    }

    @Test
    void namedChannelsBeyondTheCapAreRefusedNamingTheKey() {
        start(Map.of(ConfigLoader.CHANNELS_MAX, "2"));
        channels.add("b", demo());
        assertEquals(Optional.empty(), channels.addDirectory("a", dir("a")));
        assertEquals(Optional.of("gifstream.channels.max=2 channels exist already"), channels.addDirectory("c", dir("c")));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> channels.add("d", demo()));
        assertTrue(refused.getMessage().contains("gifstream.channels.max=2"), refused.getMessage());
        assertEquals(List.of("default", "a", "b"), channels.all().stream().map(Channel::name).toList());

        channels.removeDirectory("a");
        assertEquals(Optional.empty(), channels.addDirectory("c", dir("c")), "a place freed up");
    }

    @Test
    void configuredChannelWinsOverTheSubdirectoryOfItsName() {
        start(Map.of());
        assertEquals(Optional.empty(), channels.addDirectory("cam1", dir("cam1")));
        Channel fromDirectory = channels.find("cam1").orElseThrow();

        Channel configured = channels.add("cam1", demo());

        assertTrue(fromDirectory.isClosed(), "the directory channel ended");
        assertSame(configured, channels.find("cam1").orElseThrow());
        assertEquals("demo", configured.status().source());
        assertEquals(Optional.of("a configured channel has this name"), channels.addDirectory("cam1", dir("cam1")));
        channels.removeDirectory("cam1");
        assertSame(configured, channels.find("cam1").orElseThrow(), "a directory's removal never ends a configured channel");
        assertThrows(IllegalArgumentException.class, () -> channels.add("cam1", demo()), "configured twice");
    }

    @Test
    void invalidNamesAreRefusedWithTheRule() {
        start(Map.of());
        assertEquals(Optional.of("not a valid channel name (" + ChannelName.RULE + ")"),
                channels.addDirectory("Cam1", dir("Cam1")));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> channels.add("..", demo()));
        assertTrue(refused.getMessage().contains(ChannelName.RULE));
    }

    @Test
    void viewerLimitsHoldAcrossChannels() {
        start(Map.of(ConfigLoader.VIEWERS_MAX, "2", ConfigLoader.VIEWERS_MAX_PER_ADDRESS, "0"));
        Channel cam1 = channels.add("cam1", demo());
        assertTrue(cam1.broadcaster().reserveSeat("10.0.0.1"));
        assertTrue(channels.defaultChannel().broadcaster().reserveSeat("10.0.0.2"));
        assertFalse(cam1.broadcaster().reserveSeat("10.0.0.3"), "the server's two seats are taken");
        channels.defaultChannel().broadcaster().releaseSeat("10.0.0.2");
        assertTrue(cam1.broadcaster().reserveSeat("10.0.0.3"));
    }

    @Test
    void closedRegistryEndsEveryChannelAndStartsNoMore() {
        start(Map.of());
        Channel cam1 = channels.add("cam1", demo());
        await().atMost(Duration.ofSeconds(5)).until(() -> cam1.broadcaster().latestFrame().isPresent());
        channels.close();
        assertTrue(cam1.isClosed());
        assertTrue(channels.defaultChannel().isClosed());
        assertEquals(Optional.of("the application is stopping"), channels.addDirectory("cam2", dir("cam2")));
        assertThrows(IllegalStateException.class, () -> channels.add("cam3", demo()));
        assertEquals(List.of(channels.defaultChannel()), channels.all());
    }

    private static Ingest.Feed demo() {
        return Ingest.demo(new ConfigLoader(key -> null, key -> null, key -> null).load());
    }

    private Path dir(String name) {
        return root.resolve(name);
    }
}
