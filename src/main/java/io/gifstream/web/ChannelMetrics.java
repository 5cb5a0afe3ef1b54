package io.gifstream.web;

import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;

/**
 * What {@code /metrics} reads about one channel at scrape time: the two records its status reads too,
 * so a number on {@code /metrics} and on {@code /status} is the same counter, never counted twice.
 */
public record ChannelMetrics(String name, StreamStats stream, IngestStatus ingest) {
    /** The channel of the frames written straight into {@code gifstream.frames.dir}, or of the demo. */
    public static final String DEFAULT_CHANNEL = "default";
}
