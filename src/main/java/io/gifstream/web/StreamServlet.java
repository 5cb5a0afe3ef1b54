package io.gifstream.web;

import io.gifstream.stream.Broadcaster;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /stream.gif}: the endless animated GIF. The response stays open; the broadcaster writes to it. */
public class StreamServlet extends HttpServlet {
    private transient Broadcaster broadcaster;
    private transient boolean logForwardedFor;

    @Override
    public void init() {
        GifstreamApp app = GifstreamApp.of(getServletContext());
        broadcaster = app.broadcaster();
        logForwardedFor = app.config().logForwardedFor();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        if (!broadcaster.reserveSeat(address)) {
            response.setHeader("Retry-After", "10");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many viewers; try again later");
            return;
        }
        try {
            streamHeaders(response);
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // a stream never times out; stalled viewers are ended by the broadcaster
            broadcaster.join(async, response.getOutputStream(), address, label(request, address));
        } catch (IOException | RuntimeException e) {
            broadcaster.releaseSeat(address); // it never joined, so it will never leave
            throw e;
        }
    }

    /**
     * The viewer's name in logs: behind a proxy, optionally the client the proxy names in
     * X-Forwarded-For. Only for logs: the header is the client's word, so limits count the connection.
     */
    private String label(HttpServletRequest request, String address) {
        String forwarded = logForwardedFor ? request.getHeader("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        String client = forwarded.split(",")[0].trim().replaceAll("[^0-9A-Za-z.:\\[\\]_-]", "?");
        return client.substring(0, Math.min(client.length(), 64)) + " via " + address;
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        streamHeaders(response);
    }

    static void streamHeaders(HttpServletResponse response) {
        response.setContentType("image/gif");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each frame on at once
    }
}
