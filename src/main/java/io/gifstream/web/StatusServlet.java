package io.gifstream.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /status}: viewers, frame and byte counters, ingest rate and source as JSON. */
public class StatusServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private transient GifstreamApp app;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StatusReport report = StatusReport.of(app.broadcaster().stats(), app.ingest().status(),
                app.uptime().toSeconds(), app.config().pageRecycle().toSeconds());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        JSON.writeValue(response.getOutputStream(), report);
    }
}
