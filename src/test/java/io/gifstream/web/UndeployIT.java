package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.Pixels;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undeploying ends every open stream cleanly: a started one with its last picture held (the longest
 * delay) and the GIF trailer, one still waiting for its first frame at once.
 */
class UndeployIT {
    @TempDir
    Path frames;
    private Server server;
    private WebAppContext context;
    private StreamClient client;

    private void deploy() throws Exception {
        File war = Files.createTempFile("undeploy", ".war").toFile();
        TestWar.of("undeploy", Map.of("gifstream.frames.dir", frames.toString())).as(ZipExporter.class).exportTo(war, true);
        server = new Server(0);
        context = new WebAppContext();
        context.setWar(war.getAbsolutePath());
        context.setContextPath("/");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        client = new StreamClient(new URL("http://localhost:" + port + "/"));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void startedStreamEndsWithTheTrailer() throws Exception {
        deploy();
        new FrameProducer(frames, Fixtures.frames(Fixtures.SMALL)).writeNext();
        try (InputStream body = client.open("stream.gif").body()) {
            GifStreamReader stream = new GifStreamReader(body);
            stream.nextFrame();
            context.stop();
            List<GifStreamReader.Item> ending = assertTimeoutPreemptively(Duration.ofSeconds(10), stream::untilTrailer);
            GifStreamReader.Frame last = (GifStreamReader.Frame) ending.get(ending.size() - 2);
            assertEquals(65535, last.delayCentiseconds(), "browsers stay on the last picture instead of replaying");
            assertArrayEquals(Pixels.decode(Fixtures.frames(Fixtures.SMALL).get(0)), Pixels.decode(last.still()));
            assertEquals(-1, body.read(), "the response ends after the trailer");
        }
    }

    @Test
    void streamStillWaitingForItsFirstFrameEndsAtOnce() throws Exception {
        deploy();
        try (InputStream body = client.open("stream.gif").body()) {
            context.stop();
            assertEquals(-1, (int) assertTimeoutPreemptively(Duration.ofSeconds(10), () -> body.read()),
                    "no header was ever sent, so the response just ends");
        }
    }
}
