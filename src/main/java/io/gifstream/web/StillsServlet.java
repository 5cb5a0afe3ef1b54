package io.gifstream.web;

import io.gifstream.stream.MultipartStills;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /stills}: the live picture for every browser engine, WebKit included, as a never-ending
 * multipart/x-mixed-replace response whose parts are one-frame still GIFs (see {@link MultipartStills}).
 * It starts with the newest frame; there is no preroll, since each part replaces the one before.
 */
public class StillsServlet extends ViewerServlet {
    @Override
    String contentType() {
        return MultipartStills.CONTENT_TYPE;
    }

    @Override
    Joining joining(HttpServletRequest request) {
        return broadcaster::joinStills;
    }
}
