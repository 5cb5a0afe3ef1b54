package io.gifstream.web;

import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JSON document of {@code GET /status} for operators ({@code gifstream.status.details=true}): the
 * stream, the ingest — with the frame directory, skip reasons and source errors — and the process's
 * heap, threads and open file descriptors (-1 where the platform does not tell), for monitoring and
 * soak tests. Everyone else gets the {@link PageStatus}.
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
        long framesCatchingUp,
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
        long openFileDescriptors,
        long pageRecycleSeconds,
        long pollSeconds,
        boolean live,
        double secondsSinceLastFrame) {

    static StatusReport of(StreamStats stream, IngestStatus ingest, long uptimeSeconds, long pageRecycleSeconds,
                           long pollSeconds, boolean live) {
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long descriptors = countOpenFileDescriptors();
        return new StatusReport(stream.viewers(), stream.viewersJoined(), stream.viewersDisconnectedStalled(),
                stream.viewersRejected(),
                ingest.framesIngested(), ingest.framesSkipped(), ingest.lastSkipReason(),
                stream.framesSent(), stream.framesDropped(), stream.framesCatchingUp(), stream.bytesSent(),
                stream.keepAlivesSent(),
                ingest.ingestFps(), stream.width(), stream.height(),
                ingest.source(), ingest.location(), ingest.state(), uptimeSeconds,
                memory.getUsed(), ManagementFactory.getThreadMXBean().getThreadCount(), descriptors,
                pageRecycleSeconds, pollSeconds, live, ingest.secondsSinceLastFrame());
    }

    // read as a JMX attribute: WildFly's module system hides com.sun.management from deployments
    private static long countOpenFileDescriptors() {
        try {
            Object count = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("java.lang:type=OperatingSystem"), "OpenFileDescriptorCount");
            return ((Number) count).longValue();
        } catch (JMException | RuntimeException notOnThisPlatform) {
            return -1;
        }
    }
}
