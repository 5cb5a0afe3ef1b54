package io.gifstream.web;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /metrics} for Prometheus: every channel's counters ({@link ChannelCollector}) and the JVM's
 * ({@link JvmBasics}), in the text format the scraper's {@code Accept} asks for (OpenMetrics for a
 * Prometheus server, the 0.0.4 text format for a browser or curl). The registry is this deployment's
 * own: the library's default registry is a static, shared by every application that sees the library.
 */
public class MetricsServlet extends HttpServlet {
    private transient PrometheusRegistry registry;
    private transient ExpositionFormats formats;

    @Override
    public void init() {
        GifstreamApp app = GifstreamApp.of(getServletContext());
        registry = new PrometheusRegistry();
        registry.register(new ChannelCollector(
                () -> app.channels().all().stream().map(ChannelMetrics::of).toList()));
        JvmBasics.registerInto(registry);
        formats = ExpositionFormats.init();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(request.getHeader("Accept"));
        if (!writer.isAvailable()) {
            // the protobuf format needs a library jar this WAR leaves out; every scraper also reads text
            writer = formats.getPrometheusTextFormatWriter();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        writer.write(body, registry.scrape());
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
