package io.gifstream.ingest;

/**
 * What the ingest side reports on {@code /status}.
 *
 * @param source         "directory", "demo" or "ffmpeg"
 * @param location       the frame directory, or a description of the demo pattern
 * @param state          e.g. "watching", "directory missing", "running"
 * @param lastSkipReason why the newest skipped file was skipped, or null
 * @param secondsSinceLastFrame how long ago the newest frame was published, or -1 before the first
 */
public record IngestStatus(
        String source,
        String location,
        String state,
        long framesIngested,
        long framesSkipped,
        String lastSkipReason,
        double ingestFps,
        double secondsSinceLastFrame) {
}
