package io.gifstream.web;

import io.gifstream.gif.StreamFrame;
import io.gifstream.channel.Channels;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /snapshot.gif} (and {@code /streams/<channel>/snapshot.gif}): the newest frame as a complete still GIF; 503 until the first frame. */
public class SnapshotServlet extends HttpServlet {
    private transient Channels channels;

    @Override
    public void init() {
        channels = GifstreamApp.of(getServletContext()).channels();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        Optional<byte[]> still = ChannelRequest.of(request, channels).broadcaster().latestFrame().map(StreamFrame::asStill);
        if (still.isEmpty()) {
            noFrameYet(response);
            return;
        }
        ViewerServlet.liveHeaders(response, "image/gif");
        response.setContentLength(still.get().length);
        if (withBody) {
            response.getOutputStream().write(still.get());
        }
    }

    private static void noFrameYet(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "no frame has been ingested yet");
    }
}
