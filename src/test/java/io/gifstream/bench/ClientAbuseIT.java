package io.gifstream.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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
        ClientAbuse.Outcome outcome = scene.run(LOAD);

        assertEquals(LOAD.vanishing(), outcome.vanished());
        assertEquals(LOAD.cycles(), outcome.cycles());
        assertTrue(outcome.fastValid(), outcome.fastFailure());
        assertTrue(outcome.fastFrames() >= outcome.framesIngested() - 1,
                "the fast viewer got " + outcome.fastFrames() + " of the " + outcome.framesIngested() + " frames ingested");
        long heapBefore = outcome.baseline().get("heapUsedBytes").asLong();
        long heapAfter = outcome.after().get("heapUsedBytes").asLong();
        assertTrue(heapAfter < heapBefore + 16_000_000, "heap after GC: " + heapBefore + " before, " + heapAfter + " after");
        long filesBefore = outcome.baseline().get("openFileDescriptors").asLong();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scene.sampleAfterGc().get("openFileDescriptors").asLong() <= filesBefore + 10);
        // the burst grows Jetty's request thread pool (at most 200); idle pool threads retire after 60 s.
        // Nothing of the application's own may be added on top of that.
        int threadsBefore = outcome.baseline().get("liveThreads").asInt();
        int threadsAfter = outcome.after().get("liveThreads").asInt();
        assertTrue(threadsAfter <= threadsBefore + 200, "threads: " + threadsBefore + " before, " + threadsAfter + " after");
    }
}
