package io.gifstream.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /health} (and {@code /streams/<channel>/health}): 200 while frames arrive, 503 otherwise, with one line of plain text saying why —
 * what load balancers and uptime monitors check (the status code, or a word in the body) without a
 * JSON parser. Outside the access token, since a load balancer cannot send one: it tells nothing but
 * whether the stream is live.
 */
public class HealthServlet extends HttpServlet {
    private transient GifstreamApp app;
    private transient Duration maxFrameAge;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
        maxFrameAge = app.config().maxFrameAge();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health health = Health.of(ChannelRequest.of(request, app.channels()).status(), maxFrameAge);
        response.setStatus(health.healthy() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = (health.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
