package io.gifstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.ContainerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small run of the benchmark harness (100 viewers, 5 s) so that it cannot rot; the real runs are bench/run.sh. */
class LoadGeneratorSmokeIT {

    @Test
    void hundredViewersForFiveSecondsGetEveryFrame() throws Exception {
        Path work = Path.of("target/deploy/LoadGeneratorSmokeIT").toAbsolutePath();
        Path frames = Files.createDirectories(work.resolve("frames"));
        int port = ContainerProcess.freePort();
        try (ContainerProcess server = ContainerProcess.startJetty(work, port, "gifstream.frames.dir=" + frames)) {

            LoadGenerator.Result result = new LoadGenerator(Map.of(
                    "url", "http://127.0.0.1:" + port + "/stream.gif", "viewers", "100", "seconds", "5",
                    "ramp-seconds", "1", "fixtures", "src/test/resources/frames/159x97",
                    "frames-dir", frames.toString(), "server-pid", String.valueOf(server.pid()))).run();
            System.out.println(LoadGenerator.Result.HEADER);
            System.out.println(result.row());

            assertEquals(List.of(), result.failures, "every stream is a valid GIF");
            assertEquals(100, result.connected);
            assertTrue(result.produced >= 40, "frames produced in 5 s: " + result.produced);
            assertTrue(result.deliveredMin >= 95, "delivered to the worst viewer: " + result.deliveredMin + " %");
            assertTrue(result.p50 > 0 && result.max < 5000, "latencies measured: " + result.row());
        }
    }
}
