package io.gifstream.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /status} as JSON: what the page needs ({@link PageStatus}), or with
 * {@code gifstream.status.details=true} every counter and the operator fields ({@link StatusReport}).
 */
public class StatusServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private transient GifstreamApp app;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamStats stream = app.broadcaster().stats();
        IngestStatus ingest = app.ingest().status();
        boolean live = Health.of(ingest, app.config().maxFrameAge()).healthy();
        long pageRecycleSeconds = app.config().pageRecycle().toSeconds();
        Object report = app.config().statusDetails()
                ? StatusReport.of(stream, ingest, app.uptime().toSeconds(), pageRecycleSeconds, live)
                : new PageStatus(stream.viewers(), live, pageRecycleSeconds);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        JSON.writeValue(response.getOutputStream(), report);
    }
}
