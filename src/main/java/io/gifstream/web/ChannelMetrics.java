package io.gifstream.web;

import io.gifstream.channel.Channel;
import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;

/**
 * What {@code /metrics} reads about one channel at scrape time: the two records its status reads too,
 * so a number on {@code /metrics} and on {@code /status} is the same counter, never counted twice.
 */
public record ChannelMetrics(String name, StreamStats stream, IngestStatus ingest) {
    static ChannelMetrics of(Channel channel) {
        return new ChannelMetrics(channel.name(), channel.stats(), channel.status());
    }
}
