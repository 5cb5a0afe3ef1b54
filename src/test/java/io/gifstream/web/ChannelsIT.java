package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR in embedded Jetty with three channels of frames in three sizes — the frame directory's
 * own files (the default channel) and two subdirectories — and a third subdirectory that goes away.
 * The sizes tell the channels apart: a frame of another channel's directory could not even fit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LARGE = "640x360";
    private static final Duration AWAIT = Duration.ofSeconds(15);
    private static final Map<String, String> SIZES = Map.of(
            "default", Fixtures.MEDIUM, "cam1", Fixtures.SMALL, "cam2", LARGE, "cam3", Fixtures.SMALL);
    private static Path frames;
    private static final List<FrameProducer> producers = new ArrayList<>();
    private static FrameProducer cam3;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-channels");
        for (String name : List.of("cam1", "cam2", "cam3")) {
            Files.createDirectory(frames.resolve(name));
        }
        return TestWar.of("channels", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.frames.grace-millis", "200",
                "gifstream.frames.rescan-millis", "100",
                "gifstream.channels.max", "3"));
    }

    @BeforeEach
    void producing() {
        if (producers.isEmpty()) {
            producers.add(new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10));
            producers.add(new FrameProducer(frames.resolve("cam1"), Fixtures.frames(Fixtures.SMALL)).startAt(10));
            producers.add(new FrameProducer(frames.resolve("cam2"), Fixtures.frames(LARGE)).startAt(10));
            cam3 = new FrameProducer(frames.resolve("cam3"), Fixtures.frames(Fixtures.SMALL)).startAt(10);
            producers.add(cam3);
        }
    }

    @AfterAll
    static void stopProducing() {
        producers.forEach(FrameProducer::stop);
    }

    @Test
    @Order(1)
    void eachChannelStreamsTheFramesOfItsOwnDirectoryOnly() throws IOException {
        StreamClient client = new StreamClient(base);
        for (String path : List.of("stream.gif", "streams/default.gif", "streams/cam1.gif", "streams/cam2.gif")) {
            String channel = path.equals("stream.gif") ? "default" : path.substring("streams/".length(), path.length() - 4);
            String size = SIZES.get(channel);
            List<int[]> inputs = Pixels.decodeFrames(Fixtures.folder(size));
            HttpResponse<InputStream> response = client.open(path);
            try (InputStream body = response.body()) {
                assertEquals(200, response.statusCode(), path);
                assertEquals("image/gif", response.headers().firstValue("Content-Type").orElseThrow());
                GifStreamReader stream = new GifStreamReader(body);
                assertEquals(size, stream.width() + "x" + stream.height(), path);
                for (int i = 0; i < 5; i++) {
                    GifStreamReader.Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextFrame);
                    assertTrue(Pixels.indexOf(inputs, Pixels.decode(frame.still())) >= 0,
                            path + ": frame " + i + " is not one of " + channel + "'s own frames");
                }
            }
        }
    }

    @Test
    @Order(2)
    void snapshotStillsStatusAndHealthPerChannel() throws IOException {
        StreamClient client = new StreamClient(base);
        await().atMost(AWAIT).until(() -> client.get("streams/cam2/health").statusCode() == 200);

        HttpResponse<byte[]> snapshot = client.get("streams/cam2/snapshot.gif");
        assertEquals(200, snapshot.statusCode());
        assertEquals("image/gif", snapshot.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(Pixels.indexOf(Pixels.decodeFrames(Fixtures.folder(LARGE)), Pixels.decode(snapshot.body())) >= 0);

        JsonNode status = json(client.get("streams/cam1/status"));
        assertEquals(frames.resolve("cam1").toString(), status.get("sourceLocation").asText());
        assertEquals("watching", status.get("sourceState").asText());
        assertEquals(159, status.get("width").asInt());
        assertEquals(frames.toString(), json(client.get("streams/default/status")).get("sourceLocation").asText());
        assertEquals(frames.toString(), client.status().get("sourceLocation").asText(), "/status stays the default's");

        HttpResponse<byte[]> health = client.get("streams/cam1/health");
        assertEquals(200, health.statusCode());
        assertEquals("ok\n", new String(health.body(), StandardCharsets.UTF_8));

        HttpResponse<InputStream> stills = client.open("streams/cam1/stills?seconds=1");
        try (InputStream body = stills.body()) {
            assertEquals(200, stills.statusCode());
            assertTrue(stills.headers().firstValue("Content-Type").orElseThrow().startsWith("multipart/x-mixed-replace"));
        }

        JsonNode list = json(client.get("channels")).get("channels");
        List<String> names = new ArrayList<>();
        list.forEach(entry -> names.add(entry.get("name").asText()));
        assertEquals(List.of("default", "cam1", "cam2", "cam3"), names);
        list.forEach(entry -> assertTrue(entry.has("viewers") && entry.has("live"), entry.toString()));
    }

    @Test
    @Order(3)
    void unknownAndHostileNamesFindNoChannelAndNoFile() {
        StreamClient client = new StreamClient(base);
        assertEquals(404, client.get("streams/nope.gif").statusCode());
        assertEquals(404, client.get("streams/nope/status").statusCode());
        assertEquals(404, client.get("streams/cam1/other").statusCode());
        assertEquals(404, client.get("streams/").statusCode());
        assertEquals(400, client.get("streams/Cam1.gif").statusCode());
        assertEquals(400, client.get("streams/" + "a".repeat(33) + "/health").statusCode());
        assertEquals(400, client.get("streams/cam1.gif.gif").statusCode());
        for (String hostile : List.of("streams/%2e%2e/status", "streams/%2e%2e.gif", "streams/cam1%2f..%2fcam2.gif",
                "streams/..%5ccam1/status", "streams/%00/health")) {
            HttpResponse<byte[]> answer = client.get(hostile);
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 404, hostile + ": " + answer.statusCode());
            assertFalse(new String(answer.body(), StandardCharsets.ISO_8859_1).contains("GIF89a"), hostile);
        }
    }

    @Test
    @Order(4)
    void subdirectoriesBeyondTheCapAreNoChannels() throws IOException {
        Files.createDirectory(frames.resolve("cam4"));
        StreamClient client = new StreamClient(base);
        // ten rescans and more: the subdirectory stays refused
        await().during(Duration.ofSeconds(1)).atMost(AWAIT).until(() -> client.get("streams/cam4/status").statusCode() == 404);
        assertEquals(4, json(client.get("channels")).get("channels").size(), "the default and three named channels");
        Files.delete(frames.resolve("cam4"));
    }

    @Test
    @Order(5)
    void removedDirectoryEndsItsStreamWithATrailerWhileTheOthersPlayOn() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream ending = client.open("streams/cam3.gif").body();
             InputStream playing = client.open("streams/cam1.gif").body()) {
            GifStreamReader endingStream = new GifStreamReader(ending);
            GifStreamReader playingStream = new GifStreamReader(playing);
            endingStream.nextFrame();
            playingStream.nextFrame();

            cam3.stop();
            deleteTree(frames.resolve("cam3"));

            List<GifStreamReader.Item> rest = assertTimeoutPreemptively(AWAIT, endingStream::untilTrailer);
            assertInstanceOf(GifStreamReader.Trailer.class, rest.get(rest.size() - 1));
            assertEquals(-1, ending.read(), "the response ends after the trailer");
            for (int i = 0; i < 5; i++) {
                assertTimeoutPreemptively(Duration.ofSeconds(5), playingStream::nextFrame);
            }
        }
        await().atMost(AWAIT).until(() -> client.get("streams/cam3.gif").statusCode() == 404);
        assertEquals(200, client.get("streams/cam1/health").statusCode());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
