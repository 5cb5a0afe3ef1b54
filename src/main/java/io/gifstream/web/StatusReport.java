package io.gifstream.web;

import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;

/** The JSON document of {@code GET /status}. */
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
        long uptimeSeconds) {

    static StatusReport of(StreamStats stream, IngestStatus ingest, long uptimeSeconds) {
        return new StatusReport(stream.viewers(), stream.viewersJoined(), stream.viewersDisconnectedStalled(),
                stream.viewersRejected(),
                ingest.framesIngested(), ingest.framesSkipped(), ingest.lastSkipReason(),
                stream.framesSent(), stream.framesDropped(), stream.bytesSent(), stream.keepAlivesSent(),
                ingest.ingestFps(), stream.width(), stream.height(),
                ingest.source(), ingest.location(), ingest.state(), uptimeSeconds);
    }
}
