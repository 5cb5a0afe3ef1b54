package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelCollectorTest {
    private static final StreamStats LOBBY_STREAM = new StreamStats(3, 7, 1, 2, 500, 1234, 11, 13, 987_654, 17, 320, 240);
    private static final IngestStatus LOBBY_INGEST =
            new IngestStatus("directory", "/srv/frames/lobby", "watching", 501, 4, null, 9.5, 0.25);
    private static final StreamStats GATE_STREAM = new StreamStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final IngestStatus GATE_INGEST =
            new IngestStatus("ffmpeg", "rtsp://camera/gate", "starting", 0, 0, null, 0, -1);

    @Test
    void everyCounterOfAChannelIsExposedUnderItsName() throws IOException {
        Map<String, Double> series = scrape(List.of(
                new ChannelMetrics("lobby", LOBBY_STREAM, LOBBY_INGEST),
                new ChannelMetrics("gate", GATE_STREAM, GATE_INGEST)));

        assertEquals(3, series.get("gifstream_viewers{channel=\"lobby\"}"));
        assertEquals(7, series.get("gifstream_viewers_joined_total{channel=\"lobby\"}"));
        assertEquals(1, series.get("gifstream_viewers_stalled_total{channel=\"lobby\"}"));
        assertEquals(2, series.get("gifstream_viewers_rejected_total{channel=\"lobby\"}"));
        assertEquals(501, series.get("gifstream_frames_ingested_total{channel=\"lobby\"}"));
        assertEquals(4, series.get("gifstream_frames_skipped_total{channel=\"lobby\"}"));
        assertEquals(1234, series.get("gifstream_frames_sent_total{channel=\"lobby\"}"));
        assertEquals(11, series.get("gifstream_frames_dropped_total{channel=\"lobby\"}"));
        assertEquals(13, series.get("gifstream_frames_caught_up_total{channel=\"lobby\"}"));
        assertEquals(987_654, series.get("gifstream_sent_bytes_total{channel=\"lobby\"}"));
        assertEquals(17, series.get("gifstream_keepalives_sent_total{channel=\"lobby\"}"));
        assertEquals(9.5, series.get("gifstream_ingest_frames_per_second{channel=\"lobby\"}"));
        assertEquals(0.25, series.get("gifstream_last_frame_age_seconds{channel=\"lobby\"}"));
        assertEquals(0, series.get("gifstream_frames_sent_total{channel=\"gate\"}"));
    }

    @Test
    void aChannelWithoutAFrameYetHasNoFrameAge() throws IOException {
        Map<String, Double> series = scrape(List.of(new ChannelMetrics("gate", GATE_STREAM, GATE_INGEST)));

        assertFalse(series.containsKey("gifstream_last_frame_age_seconds{channel=\"gate\"}"), series.keySet()::toString);
        assertEquals(0, series.get("gifstream_frames_ingested_total{channel=\"gate\"}"));
    }

    @Test
    void theSourceKindOfEachChannelIsAnInfoSeries() throws IOException {
        Map<String, Double> series = scrape(List.of(
                new ChannelMetrics("lobby", LOBBY_STREAM, LOBBY_INGEST),
                new ChannelMetrics("gate", GATE_STREAM, GATE_INGEST)));

        assertEquals(1, series.get("gifstream_channel_info{channel=\"lobby\",source=\"directory\"}"));
        assertEquals(1, series.get("gifstream_channel_info{channel=\"gate\",source=\"ffmpeg\"}"));
    }

    @Test
    void eachScrapeReadsTheChannelsAgain() throws IOException {
        var channels = new java.util.ArrayList<ChannelMetrics>();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ChannelCollector(() -> List.copyOf(channels)));

        channels.add(new ChannelMetrics("lobby", LOBBY_STREAM, LOBBY_INGEST));
        assertEquals(1234, parse(text(registry)).get("gifstream_frames_sent_total{channel=\"lobby\"}"));

        channels.clear();
        assertFalse(text(registry).contains("lobby"), "a channel that went away leaves no series");
    }

    @Test
    void twoDeploymentsEachGetTheJvmMetricsInTheirOwnRegistry() throws IOException {
        PrometheusRegistry first = new PrometheusRegistry();
        PrometheusRegistry second = new PrometheusRegistry();
        JvmBasics.registerInto(first);
        JvmBasics.registerInto(second);

        for (PrometheusRegistry registry : List.of(first, second)) {
            Map<String, Double> series = parse(text(registry));
            assertTrue(series.get("jvm_memory_used_bytes{area=\"heap\"}") > 0, series.keySet()::toString);
            assertTrue(series.get("jvm_threads_current") > 0);
            assertTrue(series.get("process_cpu_seconds_total") > 0);
            assertTrue(series.get("process_open_fds") > 0);
        }
    }

    private static Map<String, Double> scrape(List<ChannelMetrics> channels) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ChannelCollector(() -> channels));
        return parse(text(registry));
    }

    private static String text(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    // one sample per line: the series (name and labels), a space, the value; no timestamps are written
    private static Map<String, Double> parse(String exposition) {
        Map<String, Double> series = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
        }
        return series;
    }
}
