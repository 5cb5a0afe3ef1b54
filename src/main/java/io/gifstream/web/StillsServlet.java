package io.gifstream.web;

import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.MultipartStills;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code GET /stills} (and {@code /streams/<channel>/stills}): the live picture for every browser engine, WebKit included, as a never-ending
 * multipart/x-mixed-replace response whose parts are one-frame still GIFs (see {@link MultipartStills}).
 * It starts with the newest frame; there is no preroll, since each part replaces the one before.
 * {@code ?seconds=N} asks the server to end the response after N seconds with the newest picture: a
 * page that renews its connection this way never leaves one open behind it.
 */
public class StillsServlet extends ViewerServlet {
    private static final Pattern WHOLE_SECONDS = Pattern.compile("\\d{1,5}");
    private static final int MAX_SECONDS = 86_400;

    @Override
    String contentType() {
        return MultipartStills.CONTENT_TYPE;
    }

    @Override
    Joining joining(HttpServletRequest request, Broadcaster broadcaster) {
        String seconds = request.getParameter("seconds");
        if (seconds == null) {
            return broadcaster::joinStills;
        }
        Duration lasting = lasting(seconds);
        return (sink, address, label) -> broadcaster.joinStills(sink, address, label, lasting);
    }

    /** How long a response may last: whole seconds, from 1 to a day. */
    static Duration lasting(String seconds) {
        if (!WHOLE_SECONDS.matcher(seconds).matches()
                || Integer.parseInt(seconds) < 1 || Integer.parseInt(seconds) > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be a whole number from 1 to " + MAX_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(seconds));
    }
}
