package io.gifstream.channel;

import io.gifstream.config.ChannelName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ConfigLoader;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.KeptLogMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner over a real frame directory whose subdirectories come and go, fed like ffmpeg feeds them. */
class ChannelDirectoryScannerTest {
    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final Logger SCANNER_LOG = Logger.getLogger(ChannelDirectoryScanner.class.getName());

    @TempDir
    Path root;

    private Channels channels;
    private ChannelDirectoryScanner scanner;
    private final List<FrameProducer> producers = new ArrayList<>();
    private final KeptLogMessages warningsKept = new KeptLogMessages();
    private final List<String> warnings = warningsKept.messages();

    private void start(int maxChannels) {
        GifstreamConfig config = new ConfigLoader(key -> null, key -> null, Map.of(
                ConfigLoader.FRAMES_DIR, root.toString(),
                ConfigLoader.FRAMES_RESCAN_MILLIS, "50",
                ConfigLoader.FRAMES_GRACE_MILLIS, "100",
                ConfigLoader.CHANNELS_MAX, String.valueOf(maxChannels))::get).load();
        SCANNER_LOG.addHandler(warningsKept);
        channels = new Channels(config);
        scanner = ChannelDirectoryScanner.start(root, channels, config.rescanInterval());
    }

    @AfterEach
    void stop() {
        producers.forEach(FrameProducer::stop);
        scanner.close();
        channels.close();
        SCANNER_LOG.removeHandler(warningsKept);
    }

    @Test
    void eachSubdirectoryIsAChannelOfItsOwnFramesAndTheRootStaysTheDefault() throws IOException {
        start(16);
        produce(root, Fixtures.MEDIUM);
        produce(Files.createDirectory(root.resolve("cam1")), Fixtures.SMALL);
        produce(Files.createDirectory(root.resolve("cam2")), "640x360");

        await().atMost(AWAIT).until(() -> hasFrame("cam1") && hasFrame("cam2") && hasFrame("default"));

        assertEquals(List.of("default", "cam1", "cam2"), channels.all().stream().map(Channel::name).toList());
        assertEquals(List.of(320, 240), size("default"));
        assertEquals(List.of(159, 97), size("cam1"));
        assertEquals(List.of(640, 360), size("cam2"));
        assertEquals(root.resolve("cam1").toString(), channels.find("cam1").orElseThrow().status().location());
        assertEquals(0, channels.defaultChannel().status().framesSkipped(), "the root's watcher ignores subdirectories");
    }

    @Test
    void removedSubdirectoryEndsItsChannelWhileTheOthersGoOn() throws IOException {
        start(16);
        produce(Files.createDirectory(root.resolve("cam1")), Fixtures.SMALL);
        Path gone = Files.createDirectory(root.resolve("cam2"));
        FrameProducer goneProducer = produce(gone, Fixtures.SMALL);
        await().atMost(AWAIT).until(() -> hasFrame("cam1") && hasFrame("cam2"));
        Channel ending = channels.find("cam2").orElseThrow();

        goneProducer.stop();
        deleteTree(gone);

        await().atMost(AWAIT).until(() -> channels.find("cam2").isEmpty());
        assertTrue(ending.isClosed());
        long before = channels.find("cam1").orElseThrow().status().framesIngested();
        await().atMost(AWAIT).until(() -> channels.find("cam1").orElseThrow().status().framesIngested() > before);

        Files.createDirectory(gone);
        await().atMost(AWAIT).until(() -> channels.find("cam2").isPresent());
    }

    @Test
    void refusedSubdirectoryIsLoggedOnceAndStartsWhenAPlaceFreesUp() throws IOException {
        start(1);
        Path first = Files.createDirectory(root.resolve("a"));
        await().atMost(AWAIT).until(() -> channels.find("a").isPresent());
        Files.createDirectory(root.resolve("b"));
        await().atMost(AWAIT).until(() -> refusals("\"b\"") >= 1);
        Files.createDirectory(root.resolve("Upper"));
        await().atMost(AWAIT).until(() -> refusals("\"Upper\"") >= 1);
        Files.createDirectory(root.resolve("c"));
        await().atMost(AWAIT).until(() -> refusals("\"c\"") >= 1); // scans went on meanwhile

        deleteTree(first);
        await().atMost(AWAIT).until(() -> channels.find("b").isPresent() || channels.find("c").isPresent());

        assertEquals(1, refusals("\"b\""), warnings.toString());
        assertEquals(1, refusals("\"Upper\""), warnings.toString());
        assertTrue(warnings.stream().anyMatch(line -> line.contains("\"Upper\"") && line.contains(ChannelName.RULE)));
        assertTrue(warnings.stream().anyMatch(line -> line.contains("\"b\"")
                && line.contains("gifstream.channels.max=1 channels exist already")), warnings.toString());
    }

    private long refusals(String quotedName) {
        return warnings.stream().filter(line -> line.contains("subdirectory " + quotedName + " ")).count();
    }

    private FrameProducer produce(Path directory, String size) {
        FrameProducer producer = new FrameProducer(directory, Fixtures.frames(size)).startAt(10);
        producers.add(producer);
        return producer;
    }

    private boolean hasFrame(String name) {
        return channels.find(name).flatMap(channel -> channel.broadcaster().latestFrame()).isPresent();
    }

    private List<Integer> size(String name) {
        StreamFrame frame = channels.find(name).orElseThrow().broadcaster().latestFrame().orElseThrow();
        return List.of(frame.header().width(), frame.header().height());
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
