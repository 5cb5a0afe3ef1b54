package io.gifstream.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code GET /status} as JSON: what the page needs ({@link PageStatus}), computed at most once a
 * second and shared by every page polling meanwhile, or with {@code gifstream.status.details=true}
 * every counter and the operator fields ({@link StatusReport}), computed for each request.
 */
public class StatusServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE_STATUS_INTERVAL = Duration.ofSeconds(1);
    private transient GifstreamApp app;
    private transient SharedAnswer pageStatus;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
        pageStatus = new SharedAnswer(() -> json(report()), PAGE_STATUS_INTERVAL, System::nanoTime);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = app.config().statusDetails() ? json(report()) : pageStatus.bytes();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Object report() {
        StreamStats stream = app.broadcaster().stats();
        IngestStatus ingest = app.ingest().status();
        boolean live = Health.of(ingest, app.config().maxFrameAge()).healthy();
        long pageRecycleSeconds = app.config().pageRecycle().toSeconds();
        return app.config().statusDetails()
                ? StatusReport.of(stream, ingest, app.uptime().toSeconds(), pageRecycleSeconds, live)
                : new PageStatus(stream.viewers(), live, pageRecycleSeconds);
    }

    private static byte[] json(Object report) {
        try {
            return JSON.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status report that Jackson cannot write", e);
        }
    }
}
