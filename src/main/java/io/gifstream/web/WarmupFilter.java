package io.gifstream.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@link Warmup}'s door: the first request starts it, its own viewers go to its unlisted channel, and
 * until it is over {@code /status} and {@code /health} (a channel's too) answer 503 with what it has done.
 */
public class WarmupFilter extends HttpFilter {
    private transient GifstreamApp app;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Warmup warmup = app.warmup();
        if (warmup.isWarming()) {
            warmup.beginFrom(request);
            if (isReadiness(request)) {
                refuse(response, warmup.progress());
                return;
            }
        }
        warmup.channelFor(request).ifPresent(channel -> ChannelRequest.route(request, channel));
        chain.doFilter(request, response);
    }

    private static boolean isReadiness(HttpServletRequest request) {
        String servlet = request.getServletPath();
        String path = request.getPathInfo();
        return "/status".equals(servlet) || "/health".equals(servlet)
                || "/streams".equals(servlet) && path != null && (path.endsWith("/status") || path.endsWith("/health"));
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
