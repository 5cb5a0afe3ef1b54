package io.gifstream.web;

import io.gifstream.channel.Channels;
import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.ViewerSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A response that stays open as one viewer of its channel's broadcaster, in the format of the subclass: a seat
 * within the viewer limits (503 with Retry-After when none is free), headers that keep caches and
 * proxies from holding or changing it, and the async context the broadcaster writes to.
 */
abstract class ViewerServlet extends HttpServlet {
    private transient boolean logForwardedFor;
    private transient Channels channels;

    /** Joins a viewer in this servlet's format. */
    interface Joining {
        void join(ViewerSink sink, String address, String label);
    }

    @Override
    public void init() {
        GifstreamApp app = GifstreamApp.of(getServletContext());
        channels = app.channels();
        logForwardedFor = app.config().logForwardedFor();
    }

    abstract String contentType();

    /**
     * How this request joins the channel's broadcaster, from its parameters; an
     * {@link IllegalArgumentException} names a bad one.
     */
    abstract Joining joining(HttpServletRequest request, Broadcaster broadcaster);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Broadcaster broadcaster = ChannelRequest.of(request, channels).broadcaster();
        Joining joining;
        try {
            joining = joining(request, broadcaster);
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
            liveHeaders(response, contentType());
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // a stream never times out; stalled viewers are ended by the broadcaster
            joining.join(new ServletViewerSink(async, response.getOutputStream()), address, label(request, address));
        } catch (IOException | RuntimeException e) {
            broadcaster.releaseSeat(address); // it never joined, so it will never leave
            throw e;
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        liveHeaders(response, contentType());
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

    /** Headers of every picture response: never cached, never transformed, never buffered by nginx. */
    static void liveHeaders(HttpServletResponse response, String contentType) {
        response.setContentType(contentType);
        // no-transform (RFC 9111 5.2.2.6): proxies that recompress images (mobile data savers) must pass the
        // GIF on byte for byte; one that waits for the end of an endless image to re-encode it shows nothing
        response.setHeader("Cache-Control", "no-cache, no-store, no-transform");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each frame on at once
    }
}
