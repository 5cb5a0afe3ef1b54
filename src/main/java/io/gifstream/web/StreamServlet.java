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

    @Override
    public void init() {
        broadcaster = GifstreamApp.of(getServletContext()).broadcaster();
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
            broadcaster.join(async, response.getOutputStream(), address);
        } catch (IOException | RuntimeException e) {
            broadcaster.releaseSeat(address); // it never joined, so it will never leave
            throw e;
        }
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
