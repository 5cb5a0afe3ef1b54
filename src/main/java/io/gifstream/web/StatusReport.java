package io.gifstream.web;

import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JSON document of {@code GET /status}: the stream, the ingest, and the process's heap, threads
 * and open file descriptors (-1 where the platform does not tell), for monitoring and soak tests.
 */
public record StatusReport(
        int viewers,
        long viewersJoined,
        long viewersDisconnectedStalled,
        long viewersRejected,
        long framesIngested,
        long framesSkipped,
        String lastSkipReason,
        long framesSent,
        long framesDropped,
        long bytesSent,
        long keepAlivesSent,
        double ingestFps,
        int width,
        int height,
        String source,
        String sourceLocation,
        String sourceState,
        long uptimeSeconds,
        long heapUsedBytes,
        int liveThreads,
        long openFileDescriptors) {

    static StatusReport of(StreamStats stream, IngestStatus ingest, long uptimeSeconds) {
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long descriptors = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
        return new StatusReport(stream.viewers(), stream.viewersJoined(), stream.viewersDisconnectedStalled(),
                stream.viewersRejected(),
                ingest.framesIngested(), ingest.framesSkipped(), ingest.lastSkipReason(),
                stream.framesSent(), stream.framesDropped(), stream.bytesSent(), stream.keepAlivesSent(),
                ingest.ingestFps(), stream.width(), stream.height(),
                ingest.source(), ingest.location(), ingest.state(), uptimeSeconds,
                memory.getUsed(), ManagementFactory.getThreadMXBean().getThreadCount(), descriptors);
    }
}
