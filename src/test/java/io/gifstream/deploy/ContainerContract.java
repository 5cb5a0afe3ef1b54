package io.gifstream.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.MultipartReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.StreamRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every container must do with the built WAR, unchanged: started by its deploy script (the way
 * its administrators run it), fed ffmpeg frames in place at 10 fps, it streams pixel-exact frames,
 * answers status and snapshot, survives an undeploy and redeploy without leaks, and when it stops,
 * ends every stream properly. Beside the default channel it runs the {@link ChannelFeeds} (two fed by
 * ffmpeg, set through the script in the container's idiom, and a directory channel): they play at once,
 * in Chromium and Firefox too, and killing one ffmpeg costs only its own channel a pause.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ContainerContract {
    private static final List<int[]> INPUTS = Pixels.decodeFrames(Fixtures.folder(Fixtures.MEDIUM));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUNNING = Pattern.compile("running \\(pid (\\d+)\\)");
    private static final Pattern WARMED_UP = Pattern.compile("warmed up in \\d+ ms: (\\d+) viewers served, (\\d+) failed");
    private static final Pattern WARMUP_CROWD = Pattern.compile("then a crowd of (\\d+) at once");
    private static final Pattern WARMUP_ROUND = Pattern.compile("warm-up goes on: the JIT compiler is still busy");
    private static final int WARMUP_REQUESTS = 10_000;
    private static final int WARMUP_ROUND_VIEWERS = 2_000;

    private final DeployedContainer container;
    private Path work;
    private Path frames;
    private ContainerProcess process;
    private FrameProducer producer;
    private StreamClient client;
    private URL base;
    private ChannelFeeds channels;

    ContainerContract(DeployedContainer container) {
        this.container = container;
    }

    /** The address viewers use: the container itself, or a proxy in front of it. */
    URL viewerBase(int containerPort) throws Exception {
        return new URL("http://localhost:" + containerPort + "/");
    }

    @BeforeAll
    void startContainer() throws Exception {
        String name = getClass().getSimpleName();
        work = Path.of("target/deploy", name).toAbsolutePath();
        frames = Files.createDirectories(work.resolve("frames"));
        channels = ChannelFeeds.prepare(work, frames);
        int port = ContainerProcess.freePort();
        List<String> command = ContainerProcess.command(
                "bash", container.script().toString(), "--port", String.valueOf(port), "--work", work.toString(),
                "--version", container.version(), "--set", "gifstream.frames.dir=" + frames,
                "--set", ContainerProcess.STATUS_DETAILS);
        for (String setting : channels.settings()) {
            command.addAll(List.of("--set", setting));
        }
        process = ContainerProcess.start(Path.of("."), work.resolve("container.log"), command);
        base = viewerBase(port);
        client = new StreamClient(base);
        awaitStatus(200, Duration.ofMinutes(3));
        resumeFrames();
        channels.startDirectoryFrames();
    }

    /** The producer stops writing frames. */
    void pauseFrames() {
        producer.stop();
    }

    /** A producer writes frames at 10 fps, numbering from in1.gif again (as a restarted ffmpeg does). */
    void resumeFrames() {
        producer = new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10);
    }

    Path work() {
        return work;
    }

    @AfterAll
    void stopContainer() throws InterruptedException {
        if (producer != null) {
            producer.stop();
        }
        if (channels != null) {
            channels.close();
        }
        if (process != null) {
            process.close();
        }
    }

    private void awaitStatus(int code, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> client.get("status").statusCode() == code);
    }

    // the container was started with the default warm-up (plus a round of viewers for each time the JIT compiler
    // was still busy, and the crowd its deploy script asks for, if any), and startContainer() waited for /status
    // to say ready
    @Test
    @Order(0)
    void warmedUpThroughTheContainersOwnConnectorBeforeReadyLeavingNoTrace() {
        Matcher warmed = WARMED_UP.matcher(process.log());
        assertTrue(warmed.find(), "no warm-up in the container log");
        Matcher crowd = WARMUP_CROWD.matcher(process.log());
        int viewers = WARMUP_REQUESTS + WARMUP_ROUND_VIEWERS * (int) WARMUP_ROUND.matcher(process.log()).results().count()
                + (crowd.find() ? Integer.parseInt(crowd.group(1)) : 0);
        int served = Integer.parseInt(warmed.group(1));
        int failed = Integer.parseInt(warmed.group(2));
        assertEquals(viewers, served + failed, warmed.group());
        assertTrue(served >= viewers * 9 / 10, warmed.group());
        // so that a crowd arriving at the ready server meets an empty young generation, not a collection
        int collected = process.log().indexOf("warm-up: asked for a full collection");
        assertTrue(collected >= 0 && collected < warmed.start(), "the warm-up did not end with a full collection");
        assertEquals(0, client.status().get("viewersJoined").asLong(), "warm-up viewers in the default channel");
        assertFalse(new String(client.get("channels").body(), StandardCharsets.UTF_8).contains("warmup"));
        assertFalse(new String(client.get("metrics").body(), StandardCharsets.UTF_8).contains("channel=\"warmup"));
    }

    @Test
    @Order(1)
    void fiveSecondsOfStreamHoldAtLeastFortyPixelExactFramesAfterTheHeader() throws Exception {
        List<GifStreamReader.Frame> frames = readFor(Duration.ofSeconds(5));
        assertTrue(frames.size() >= 40, "only " + frames.size() + " frames in 5 s");
        for (int i = 0; i < frames.size(); i++) {
            assertTrue(Pixels.indexOf(INPUTS, Pixels.decode(frames.get(i).still())) >= 0,
                    "frame " + i + " is not pixel-identical to an input frame");
        }
    }

    @Test
    @Order(2)
    void statusIsJsonAndSnapshotIsAnInputFrame() {
        JsonNode status = client.status();
        assertEquals("directory", status.get("source").asText());
        assertEquals(320, status.get("width").asInt());
        assertTrue(status.get("framesIngested").asLong() > 0);
        assertEquals(0, status.get("framesSkipped").asLong());
        HttpResponse<byte[]> snapshot = client.get("snapshot.gif");
        assertEquals(200, snapshot.statusCode());
        assertTrue(Pixels.indexOf(INPUTS, Pixels.decode(snapshot.body())) >= 0);
        assertEquals(200, client.get("").statusCode(), "the page");
    }

    // the JVM basics read the platform beans by reflection, which WildFly's module system must let through
    @Test
    @Order(2)
    void metricsCountTheChannelAndTheProcess() {
        HttpResponse<byte[]> metrics = client.get("metrics");
        assertEquals(200, metrics.statusCode());
        String text = new String(metrics.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("gifstream_channel_info{channel=\"default\",source=\"directory\"} 1"), text);
        assertTrue(text.contains("\nprocess_open_fds "), text);
        assertTrue(text.contains("\nprocess_cpu_seconds_total "), text);
        assertTrue(text.contains("\njvm_memory_used_bytes{area=\"heap\"} "), text);
    }

    @Test
    @Order(2)
    void stillsArePixelExactPartsThatMove() throws Exception {
        HttpResponse<InputStream> response = client.open("stills");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("multipart/x-mixed-replace"));
        List<byte[]> parts;
        try (InputStream body = response.body()) {
            parts = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new MultipartReader().readFrom(body, 10).parts());
        }
        Set<Integer> shown = new HashSet<>();
        for (byte[] part : parts) {
            int index = Pixels.indexOf(INPUTS, Pixels.decode(part));
            assertTrue(index >= 0, "a part that is not pixel-identical to an input frame");
            shown.add(index);
        }
        assertTrue(shown.size() >= 5, "the picture moves: " + shown.size() + " distinct in 10 parts");
    }

    @Test
    @Order(3)
    void undeployAndRedeployLeaveNothingBehindAndTheStreamComesBack() throws Exception {
        container.undeploy(work);
        awaitStatus(404, Duration.ofSeconds(60));
        container.redeploy(work);
        awaitStatus(200, Duration.ofMinutes(2)); // the redeployed application warms up again
        assertFalse(readFor(Duration.ofSeconds(2)).isEmpty(), "frames after the redeploy");
        List<String> problems = process.log().lines().filter(container::isProblem).toList();
        assertTrue(problems.isEmpty(), "the container log reports problems:\n" + String.join("\n", problems));
        assertTrue(process.isAlive());
    }

    @Test
    @Order(2)
    void twoFfmpegChannelsAndADirectoryChannelPlayAtOnce() throws Exception {
        awaitEveryChannelLive();
        Map<String, StreamRecorder> viewers = watchNamedChannels();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> viewers.values().stream().allMatch(v -> v.frameCount() >= 30));
        } finally {
            closeAll(viewers);
        }
        viewers.forEach((name, viewer) -> {
            assertTrue(viewer.failure().isEmpty(), name + " is not one valid GIF stream: " + viewer.failure());
            Set<Integer> pictures = new HashSet<>();
            viewer.arrivals().forEach(frame -> pictures.add(Arrays.hashCode(Pixels.decode(frame.still()))));
            assertTrue(pictures.size() >= 10, name + " moves: " + pictures.size() + " distinct pictures in "
                    + viewer.frameCount() + " frames");
        });
        for (StreamRecorder.Arrival frame : viewers.get(ChannelFeeds.DIRECTORY).arrivals()) {
            assertTrue(Pixels.indexOf(ChannelFeeds.DIRECTORY_INPUTS, Pixels.decode(frame.still())) >= 0,
                    "a frame of the directory channel that is not pixel-identical to an input frame");
        }
        String metrics = new String(client.get("metrics").body(), StandardCharsets.UTF_8);
        for (String name : ChannelFeeds.ALL) {
            assertTrue(metrics.contains("\ngifstream_frames_ingested_total{channel=\"" + name + "\"} "),
                    "no frames_ingested of " + name + " in\n" + metrics);
        }
    }

    // after the undeploy test, whose check of the log would take ffmpeg's exit warning for a problem
    @Test
    @Order(4)
    void killingOneChannelsFfmpegCostsThatChannelAPauseAndTheOthersNothing() throws Exception {
        awaitEveryChannelLive();
        long killed = ffmpegPid(ChannelFeeds.LAVFI).orElseThrow();
        long other = ffmpegPid(ChannelFeeds.CLIP).orElseThrow();
        Map<String, StreamRecorder> viewers = watchNamedChannels();
        StreamRecorder cam1 = viewers.get(ChannelFeeds.LAVFI);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> viewers.values().stream().allMatch(v -> v.frameCount() >= 5));
            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL
            await("a new ffmpeg for cam1").atMost(Duration.ofSeconds(30))
                    .until(() -> ffmpegPid(ChannelFeeds.LAVFI).orElse(killed) != killed);
            int beforeRestart = cam1.frameCount();
            await("cam1's frames again on the same connection").atMost(Duration.ofSeconds(15))
                    .until(() -> cam1.frameCount() >= beforeRestart + 10);
        } finally {
            closeAll(viewers);
        }
        // a second header (a new picture size) or a cut connection would fail the reader
        viewers.forEach((name, viewer) -> assertTrue(viewer.failure().isEmpty(),
                name + "'s viewer saw its stream break: " + viewer.failure()));
        for (String name : List.of(ChannelFeeds.CLIP, ChannelFeeds.DIRECTORY)) {
            Duration gap = viewers.get(name).longestGap();
            assertTrue(gap.compareTo(Duration.ofSeconds(2)) < 0, name + " stopped for " + gap + " while cam1 restarted");
        }
        assertEquals(other, ffmpegPid(ChannelFeeds.CLIP).orElseThrow(), "cam2's ffmpeg was not restarted");
    }

    @Test
    @Order(5)
    void chromiumShowsTheWallOfChannelsAndPlaysOne() throws Exception {
        awaitEveryChannelLive();
        browsers().wallAndLiveViewInChromium(ChannelFeeds.ALL, ChannelFeeds.CLIP);
    }

    @Test
    @Order(5)
    void firefoxPlaysAChannel() throws Exception {
        awaitEveryChannelLive();
        browsers().liveViewInFirefox(ChannelFeeds.LAVFI, work.resolve("firefox.err"));
    }

    // after the undeploy test, whose check of the log would take the failed deployment for a problem
    @Test
    @Order(6)
    void aBadChannelSettingInTheContainersIdiomFailsTheDeploymentNamingTheKey() throws Exception {
        assumeTrue(container instanceof ContextFileContainer,
                "WildFly changes system properties only through its management API: not checked here");
        assumeTrue(checksBadSettings(), "not checked in this container: it redeploys slowly, or as another test's does");
        ContextFileContainer files = (ContextFileContainer) container;
        String message = "invalid setting gifstream.channels.cam1.rate='0': must be a number from 1 to 50";
        // a log file of an earlier run in the same work directory may say it already
        long before = occurrences(message, process.log() + files.applicationLog(work));
        files.addSetting(work, "gifstream.channels.cam1.rate", "0");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    occurrences(message, process.log() + files.applicationLog(work)) > before);
            assertNotEquals(200, client.get("status").statusCode(), "the application runs with a bad setting");
        } finally {
            files.restoreSettings(work);
        }
        awaitStatus(200, Duration.ofMinutes(2)); // the redeployed application warms up again
    }

    /**
     * Whether this class checks a bad setting in the container's idiom: it costs two redeployments, which
     * Jetty's deployer (scanning every second) makes in 6 s and Tomcat's (checking every 10 s) in 26 s.
     */
    boolean checksBadSettings() {
        return false;
    }

    private static long occurrences(String text, String log) {
        return log.lines().filter(line -> line.contains(text)).count();
    }

    private ChannelBrowsers browsers() {
        return new ChannelBrowsers(base, Path.of("target/screenshots", getClass().getSimpleName()).toAbsolutePath());
    }

    private void awaitEveryChannelLive() {
        await("/channels lists " + ChannelFeeds.ALL + " all live").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            JsonNode list = JSON.readTree(client.get("channels").body()).get("channels");
            List<String> live = new ArrayList<>();
            list.forEach(channel -> {
                if (channel.get("live").asBoolean()) {
                    live.add(channel.get("name").asText());
                }
            });
            return live.equals(ChannelFeeds.ALL);
        });
    }

    private Map<String, StreamRecorder> watchNamedChannels() {
        Map<String, StreamRecorder> viewers = new LinkedHashMap<>();
        for (String name : ChannelFeeds.ALL.subList(1, ChannelFeeds.ALL.size())) {
            viewers.put(name, StreamRecorder.open(client, "streams/" + name + ".gif"));
        }
        return viewers;
    }

    private static void closeAll(Map<String, StreamRecorder> viewers) throws IOException {
        for (StreamRecorder viewer : viewers.values()) {
            viewer.close();
        }
    }

    /** The pid in the channel's status: "running (pid N)" while its ffmpeg runs. */
    private OptionalLong ffmpegPid(String channel) throws IOException {
        String state = JSON.readTree(client.get("streams/" + channel + "/status").body()).get("sourceState").asText();
        Matcher running = RUNNING.matcher(state);
        return running.matches() ? OptionalLong.of(Long.parseLong(running.group(1))) : OptionalLong.empty();
    }

    @Test
    @Order(100) // the last: the container is gone after it
    void stoppingTheContainerEndsEveryStreamWithItsLastPictureAndTheTrailer() throws Exception {
        HttpResponse<InputStream> response = client.open("stream.gif");
        try (InputStream body = response.body(); InputStream stillsBody = client.open("stills").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            stream.nextFrame();
            MultipartReader stills = new MultipartReader().readFrom(stillsBody, 1);
            process.close(); // SIGTERM, as an init system or Ctrl-C stops it
            stills.readFrom(stillsBody, Integer.MAX_VALUE);
            assertTrue(stills.closed(), "the stills end with the close delimiter, the last picture on screen");
            assertEquals(-1, stillsBody.read(), "the stills response ends after the close delimiter");
            // a response cut short fails the read: its chunked body would lack its last chunk
            List<GifStreamReader.Item> ending = stream.untilTrailer();
            GifStreamReader.Frame last = (GifStreamReader.Frame) ending.get(ending.size() - 2);
            assertEquals(65535, last.delayCentiseconds(), "browsers stay on the last picture, no broken image");
            assertEquals(-1, body.read(), "the response ends after the trailer");
        }
    }

    /** Reads the stream for a while and returns the frames that arrived, each checked by the reader's block walk. */
    List<GifStreamReader.Frame> readFor(Duration duration) throws IOException {
        List<GifStreamReader.Frame> received = new ArrayList<>();
        HttpResponse<InputStream> response = client.open("stream.gif");
        assertEquals(200, response.statusCode());
        assertEquals("image/gif", response.headers().firstValue("Content-Type").orElseThrow());
        InputStream body = response.body();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                GifStreamReader stream = new GifStreamReader(body);
                while (true) {
                    GifStreamReader.Frame frame = stream.nextFrame();
                    synchronized (received) {
                        received.add(frame);
                    }
                }
            } catch (IOException closedByTheTest) {
                // the time is over
            }
        });
        long deadline = System.nanoTime() + duration.toNanos();
        await().atMost(duration.plusSeconds(1)).until(() -> System.nanoTime() >= deadline || reading.isDone());
        body.close();
        reading.join();
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    StreamClient client() {
        return client;
    }
}
