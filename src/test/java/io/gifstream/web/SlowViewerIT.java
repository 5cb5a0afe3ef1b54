package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.NoiseFrames;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A viewer that stops reading must cost the others nothing. Frames are ~100 KB of noise at 10 fps,
 * so the stuck connection's TCP buffers (megabytes on loopback) fill within seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowViewerIT {
    private static final List<byte[]> FRAMES = NoiseFrames.gifs(12, 320, 320, 42);
    private static final List<int[]> INPUTS = FRAMES.stream().map(Pixels::decode).toList();
    private static Path frames;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        frames = Files.createTempDirectory("gifstream-slow");
        return TestWar.of("slow", Map.of(
                "gifstream.frames.dir", frames.toString(),
                "gifstream.viewer.backlog", "5",
                "gifstream.viewer.stall-timeout", "2",
                "gifstream.viewers.log-forwarded-for", "true"));
    }

    @Test
    void viewerThatStopsReadingLosesFramesIsDisconnectedAndDoesNotDelayOthers() throws IOException {
        StreamClient client = new StreamClient(base);
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger broadcasterLog = java.util.logging.Logger.getLogger("io.gifstream.stream.Broadcaster");
        broadcasterLog.addHandler(capture);
        try (FrameProducer producer = new FrameProducer(frames, FRAMES).startAt(10);
             Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096); // before connect: a small TCP window
            stuck.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream request = stuck.getOutputStream();
            request.write(("GET " + base.getPath() + "stream.gif HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-For: 203.0.113.9, 10.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            // never read from it
            await().atMost(Duration.ofSeconds(10)).until(() -> client.status().get("viewers").asInt() == 1);

            try (InputStream body = client.open("stream.gif").body()) {
                GifStreamReader fast = new GifStreamReader(body);
                int previous = -1;
                for (int i = 0; i < 60; i++) {
                    GifStreamReader.Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(2), fast::nextFrame,
                            "the fast viewer waited for frame " + i);
                    int index = Pixels.indexOf(INPUTS, Pixels.decode(frame.still()));
                    assertTrue(index >= 0, "frame " + i + " is not an input frame");
                    if (previous >= 0) {
                        assertEquals((previous + 1) % INPUTS.size(), index, "the fast viewer lost frame " + i);
                    }
                    previous = index;
                }
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonNode status = client.status();
                    assertTrue(status.get("framesDropped").asLong() > 0, "frames dropped for the stuck viewer");
                    assertEquals(1, status.get("viewersDisconnectedStalled").asLong(), "stuck viewer disconnected");
                    assertEquals(1, status.get("viewers").asInt(), "only the fast viewer is left");
                });
            }
        } finally {
            broadcasterLog.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("disconnecting viewer 203.0.113.9 via 127.0.0.1")),
                "logs name the stuck viewer by its forwarded address: " + logged);
    }
}
