package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.MultipartReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /stills} over real HTTP: a multipart response of pixel-exact one-frame GIFs, live, never cached. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StillsIT {
    private static final List<int[]> INPUTS = Pixels.decodeFrames(Fixtures.folder(Fixtures.MEDIUM));
    private static Path frames;
    private static FrameProducer producer;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-stills");
        // a preroll of 2 s for stream.gif: /stills still starts with the newest frame only
        return TestWar.of("stills", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.preroll.seconds", "2"));
    }

    @BeforeEach
    void producing() {
        if (producer == null) {
            producer = new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10);
        }
    }

    @AfterAll
    static void stopProducing() {
        producer.stop();
    }

    @Test
    void partsAreLivePixelExactStillsOfTheFramesInOrder() {
        StreamClient client = new StreamClient(base);
        HttpResponse<InputStream> response = client.open("stills");
        assertEquals(200, response.statusCode());
        assertEquals("multipart/x-mixed-replace; boundary=gifstream-still",
                response.headers().firstValue("Content-Type").orElse("").replace(";boundary", "; boundary"));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-transform"));

        List<byte[]> parts = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> read(response.body(), 20));
        Set<Integer> shown = new HashSet<>();
        int previous = -1;
        for (byte[] part : parts) {
            assertEquals(1, Pixels.frameCount(part), "each part is a one-frame GIF");
            int index = Pixels.indexOf(INPUTS, Pixels.decode(part));
            assertTrue(index >= 0, "each part shows exactly one of the producer's frames");
            if (previous >= 0) {
                assertTrue(index != previous, "no picture twice in a row while frames flow");
            }
            previous = index;
            shown.add(index);
        }
        assertTrue(shown.size() >= 10, "the picture moves: " + shown.size() + " distinct of 20");
    }

    @Test
    void aViewerOfStillsIsCountedWhileConnectedAndNoLonger() throws IOException {
        StreamClient client = new StreamClient(base);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 0);
        try (InputStream body = client.open("stills").body()) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new MultipartReader().readFrom(body, 1));
            assertEquals(1, client.status().get("viewers").asInt());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 0);
    }

    private static List<byte[]> read(InputStream body, int count) throws IOException {
        try (body) {
            return new MultipartReader().readFrom(body, count).parts().subList(0, count);
        }
    }
}
