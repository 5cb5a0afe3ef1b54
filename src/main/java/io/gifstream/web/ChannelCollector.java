package io.gifstream.web;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The gifstream metrics, one series per channel (label {@code channel}), read from the channels'
 * {@link ChannelMetrics} at each scrape: the broadcaster and the ingest keep the counts, this only
 * names them. Counter names get their {@code _total} from the exposition format.
 */
final class ChannelCollector implements MultiCollector {
    private static final String CHANNEL = "channel";

    private final Supplier<List<ChannelMetrics>> channels;

    ChannelCollector(Supplier<List<ChannelMetrics>> channels) {
        this.channels = channels;
    }

    @Override
    public MetricSnapshots collect() {
        List<ChannelMetrics> all = channels.get();
        return MetricSnapshots.of(
                info(all),
                gauge(all, "gifstream_viewers", "Viewers connected now", c -> c.stream().viewers()),
                counter(all, "gifstream_viewers_joined", "Viewers that connected", null,
                        c -> c.stream().viewersJoined()),
                counter(all, "gifstream_viewers_rejected", "Viewers turned away by a viewer limit", null,
                        c -> c.stream().viewersRejected()),
                counter(all, "gifstream_viewers_stalled", "Viewers disconnected because they took no data", null,
                        c -> c.stream().viewersDisconnectedStalled()),
                counter(all, "gifstream_frames_ingested", "Frames read from the source and published", null,
                        c -> c.ingest().framesIngested()),
                counter(all, "gifstream_frames_skipped", "Source frames skipped as unusable", null,
                        c -> c.ingest().framesSkipped()),
                counter(all, "gifstream_frames_sent", "Frames written to viewers, summed over viewers", null,
                        c -> c.stream().framesSent()),
                counter(all, "gifstream_frames_dropped", "Frames dropped from the backlog of a slow viewer", null,
                        c -> c.stream().framesDropped()),
                counter(all, "gifstream_frames_caught_up",
                        "Frames sent with the shortest delay to bring a viewer back to live", null,
                        c -> c.stream().framesCatchingUp()),
                counter(all, "gifstream_sent_bytes", "Bytes written to viewers", Unit.BYTES,
                        c -> c.stream().bytesSent()),
                counter(all, "gifstream_keepalives_sent", "Keep-alive comments written to viewers", null,
                        c -> c.stream().keepAlivesSent()),
                gauge(all, "gifstream_ingest_frames_per_second", "Rate at which frames arrive from the source",
                        c -> c.ingest().ingestFps()),
                lastFrameAge(all));
    }

    private static MetricSnapshot info(List<ChannelMetrics> channels) {
        var info = InfoSnapshot.builder().name("gifstream_channel").help("The source of each channel");
        for (ChannelMetrics channel : channels) {
            info.dataPoint(InfoDataPointSnapshot.builder()
                    .labels(Labels.of(CHANNEL, channel.name(), "source", channel.ingest().source()))
                    .build());
        }
        return info.build();
    }

    // before a channel's first frame there is no age, so no series (the status says -1)
    private static MetricSnapshot lastFrameAge(List<ChannelMetrics> channels) {
        var gauge = GaugeSnapshot.builder().name("gifstream_last_frame_age_seconds")
                .help("Seconds since the channel's newest frame arrived").unit(Unit.SECONDS);
        for (ChannelMetrics channel : channels) {
            double age = channel.ingest().secondsSinceLastFrame();
            if (age >= 0) {
                gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(channel)).value(age).build());
            }
        }
        return gauge.build();
    }

    private static MetricSnapshot gauge(List<ChannelMetrics> channels, String name, String help,
                                        ToDoubleFunction<ChannelMetrics> value) {
        var gauge = GaugeSnapshot.builder().name(name).help(help);
        for (ChannelMetrics channel : channels) {
            gauge.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(labels(channel)).value(value.applyAsDouble(channel)).build());
        }
        return gauge.build();
    }

    private static MetricSnapshot counter(List<ChannelMetrics> channels, String name, String help, Unit unit,
                                          ToDoubleFunction<ChannelMetrics> value) {
        var counter = CounterSnapshot.builder().name(name).help(help);
        if (unit != null) {
            counter.unit(unit);
        }
        for (ChannelMetrics channel : channels) {
            counter.dataPoint(CounterDataPointSnapshot.builder()
                    .labels(labels(channel)).value(value.applyAsDouble(channel)).build());
        }
        return counter.build();
    }

    private static Labels labels(ChannelMetrics channel) {
        return Labels.of(CHANNEL, channel.name());
    }
}
