package io.gifstream.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built WAR, unchanged, in a stock Jetty 12.1 distribution with only the {@code http} and
 * {@code ee10-deploy} modules, deployed as ROOT and configured with {@code -Dgifstream.frames.dir},
 * while a producer writes ffmpeg frames in place at 10 fps.
 */
class StockJettyIT {
    private static final List<int[]> INPUTS = Pixels.decodeFrames(Fixtures.folder(Fixtures.MEDIUM));

    @TempDir
    static Path work;
    private static ContainerProcess jetty;
    private static FrameProducer producer;
    private static StreamClient client;

    @BeforeAll
    static void startJetty() throws Exception {
        Path home = work.resolve("jetty-home");
        Path base = work.resolve("jetty-base");
        Path frames = work.resolve("frames");
        Files.createDirectories(home);
        Files.createDirectories(base);
        Files.createDirectories(frames);
        ContainerProcess.run(home, List.of("tar", "xzf", System.getProperty("jetty.home.archive"),
                "--strip-components=1"));
        String java = ContainerProcess.java();
        String startJar = home.resolve("start.jar").toString();
        ContainerProcess.run(base, List.of(java, "-jar", startJar, "--add-modules=http,ee10-deploy"));
        Files.copy(Path.of("target/gifstream.war"), base.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);

        int port = ContainerProcess.freePort();
        jetty = ContainerProcess.start(base, Path.of("target/stock-jetty/jetty.log"), List.of(java,
                "-Dgifstream.frames.dir=" + frames, "-jar", startJar, "jetty.http.port=" + port));
        client = new StreamClient(new URL("http://localhost:" + port + "/"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.get("status").statusCode() == 200);
        producer = new FrameProducer(frames, Fixtures.frames(Fixtures.MEDIUM)).startAt(10);
    }

    @AfterAll
    static void stopJetty() throws InterruptedException {
        if (producer != null) {
            producer.stop();
        }
        if (jetty != null) {
            jetty.close();
        }
    }

    @Test
    void fiveSecondsOfStreamHoldAtLeastFortyPixelExactFrames() throws Exception {
        List<GifStreamReader.Frame> received = new ArrayList<>();
        HttpResponse<InputStream> response = client.open("stream.gif");
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
                // the five seconds are over
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        await().atMost(Duration.ofSeconds(6)).until(() -> System.nanoTime() >= deadline || reading.isDone());
        body.close();
        reading.join();

        List<GifStreamReader.Frame> frames;
        synchronized (received) {
            frames = List.copyOf(received);
        }
        assertTrue(frames.size() >= 40, "only " + frames.size() + " frames in 5 s");
        for (int i = 0; i < frames.size(); i++) {
            assertTrue(Pixels.indexOf(INPUTS, Pixels.decode(frames.get(i).still())) >= 0,
                    "frame " + i + " is not pixel-identical to an input frame");
        }
    }

    @Test
    void snapshotIsAnInputFrameAndStatusIsJson() {
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("snapshot.gif").statusCode() == 200);
        assertTrue(Pixels.indexOf(INPUTS, Pixels.decode(client.get("snapshot.gif").body())) >= 0);
        JsonNode status = client.status();
        assertEquals("directory", status.get("source").asText());
        assertEquals(320, status.get("width").asInt());
        assertTrue(status.get("framesIngested").asLong() > 0);
    }

    @Test
    void pageIsServedAndTheLogIsClean() {
        assertEquals(200, client.get("").statusCode());
        String log = jetty.log();
        assertTrue(log.contains("gifstream started"), log);
        assertFalse(log.contains("SEVERE") || log.contains("Exception"), log);
    }
}
