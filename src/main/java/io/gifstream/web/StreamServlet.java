package io.gifstream.web;

import io.gifstream.stream.Broadcaster;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code GET /stream.gif}: the endless animated GIF. The response stays open; the broadcaster writes to
 * it. {@code ?preroll=SECONDS} asks for less recent history than configured; the page asks for none
 * when it swaps a fresh image in over one already showing the stream.
 */
public class StreamServlet extends HttpServlet {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");
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
        Duration preroll;
        try {
            preroll = preroll(request.getParameter("preroll"), broadcaster.settings().preroll());
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
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
            broadcaster.join(new ServletViewerSink(async, response.getOutputStream()), address, label(request, address), preroll);
        } catch (IOException | RuntimeException e) {
            broadcaster.releaseSeat(address); // it never joined, so it will never leave
            throw e;
        }
    }

    /** The preroll a request asks for: seconds, from 0 up to the configured preroll, which is the default. */
    static Duration preroll(String requested, Duration configured) {
        if (requested == null) {
            return configured;
        }
        String rule = "preroll must be a number of seconds from 0 to "
                + BigDecimal.valueOf(configured.toMillis(), 3).stripTrailingZeros().toPlainString();
        if (!SECONDS.matcher(requested).matches()) {
            throw new IllegalArgumentException(rule);
        }
        Duration preroll = Duration.ofMillis(Math.round(Double.parseDouble(requested) * 1000));
        if (preroll.compareTo(configured) > 0) {
            throw new IllegalArgumentException(rule);
        }
        return preroll;
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
        // no-transform (RFC 9111 5.2.2.6): proxies that recompress images (mobile data savers) must pass the
        // GIF on byte for byte; one that waits for the end of an endless image to re-encode it shows nothing
        response.setHeader("Cache-Control", "no-cache, no-store, no-transform");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each frame on at once
    }
}
