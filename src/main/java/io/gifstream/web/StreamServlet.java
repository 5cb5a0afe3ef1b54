package io.gifstream.web;

import io.gifstream.stream.Broadcaster;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code GET /stream.gif} (and {@code /streams/<channel>.gif}): the endless animated GIF. The response stays open; the broadcaster writes to
 * it. {@code ?preroll=SECONDS} asks for less recent history than configured; the page asks for none
 * when it swaps a fresh image in over one already showing the stream.
 */
public class StreamServlet extends ViewerServlet {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");

    @Override
    String contentType() {
        return "image/gif";
    }

    @Override
    Joining joining(HttpServletRequest request, Broadcaster broadcaster) {
        Duration preroll = preroll(request.getParameter("preroll"), broadcaster.settings().preroll());
        return (sink, address, label) -> broadcaster.join(sink, address, label, preroll);
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
}
