package io.gifstream.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile clients against the WAR in a stock Jetty process — viewers that never read, slow-header
 * requests, viewers that vanish mid-frame, connect/disconnect cycles — at a load a 2-core machine holds
 * with a wide margin: one fast viewer must lose no frame, and afterwards the server's heap, file
 * descriptors, threads and viewer count must be back at their baseline. Nothing here is timed: latency
 * under the heaviest abuse is measured by {@code bench/abuse.sh} ({@link ClientAbuseBenchmark}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAbuseIT {
    static final ClientAbuse.Load LOAD = new ClientAbuse.Load(300, 100, 200, 2_000);

    private ClientAbuse scene;

    @BeforeAll
    void start() throws Exception {
        scene = new ClientAbuse(Path.of("target/deploy/ClientAbuseIT").toAbsolutePath());
    }

    @AfterAll
    void stop() throws Exception {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void abuseCostsTheFastViewerNoFrameAndLeavesNothingBehind() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> scene.framesIngested() > 5);
        JsonNode baseline = scene.sampleAfterGc();

        ViewerConnection fast = scene.viewer(ViewerConnection.Mode.FAST, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.frames > 0);
        // counted from here: every frame the server ingests from now on must reach the fast viewer
        long ingestedBefore = scene.framesIngested();
        long fastBefore = fast.frames;

        List<ViewerConnection> stuck = scene.stuckViewers(LOAD.stuck());
        List<Socket> slowHeaders = scene.slowHeaders(LOAD.slowHeaders());
        int vanished = scene.vanishMidFrame(LOAD.vanishing());
        int cycles = scene.connectAndDisconnect(LOAD.cycles());
        long joinedBefore = baseline.get("viewersJoined").asLong();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> scene.probe.status().get("viewersJoined").asLong() - joinedBefore >= 1 + LOAD.viewersJoining());
        stuck.forEach(ViewerConnection::close);
        for (Socket socket : slowHeaders) {
            socket.close();
        }

        long written = scene.stopProducer();
        await().atMost(Duration.ofSeconds(10)).until(() -> scene.framesIngested() >= written);
        long ingested = scene.framesIngested() - ingestedBefore;
        assertEquals(LOAD.vanishing(), vanished);
        assertEquals(LOAD.cycles(), cycles);
        // a frame published while the window opened may or may not be counted on either side: one of slack
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(fast.frames - fastBefore >= ingested - 1,
                "the fast viewer got " + (fast.frames - fastBefore) + " of the " + ingested + " frames ingested"));
        assertTrue(fast.valid(), fast.failure());

        fast.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> scene.probe.status().get("viewers").asInt() == 0);
        JsonNode after = scene.sampleAfterGc();
        assertTrue(after.get("heapUsedBytes").asLong() < baseline.get("heapUsedBytes").asLong() + 16_000_000,
                "heap after GC: " + baseline.get("heapUsedBytes") + " before, " + after.get("heapUsedBytes") + " after");
        await().atMost(Duration.ofSeconds(30)).until(() -> scene.sampleAfterGc().get("openFileDescriptors").asLong()
                <= baseline.get("openFileDescriptors").asLong() + 10);
        // the burst grows Jetty's request thread pool (at most 200); idle pool threads retire after 60 s.
        // Nothing of the application's own may be added on top of that.
        assertTrue(after.get("liveThreads").asInt() <= baseline.get("liveThreads").asInt() + 200,
                "threads: " + baseline.get("liveThreads") + " before, " + after.get("liveThreads") + " after");
    }
}
