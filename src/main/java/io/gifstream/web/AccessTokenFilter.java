package io.gifstream.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * When {@code gifstream.access.token} is set, the stream, stills, snapshot, status, metrics and channels —
 * each channel's too, but for its health — answer only requests
 * that carry it ({@link AccessToken}): the page's own requests by its cookie, scripts by
 * {@code Authorization: Bearer …}, a plain {@code <img>} elsewhere by {@code ?token=…}.
 */
public class AccessTokenFilter extends HttpFilter {
    private transient Optional<AccessToken> expected = Optional.empty();

    @Override
    public void init() {
        expected = AccessToken.configured(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (expected.isEmpty() || isChannelHealth(request) || expected.get().isPresentedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"gifstream\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "an access token is required");
    }

    /** A channel's health is open like {@code /health}: a load balancer cannot send a token. */
    private static boolean isChannelHealth(HttpServletRequest request) {
        String path = request.getPathInfo();
        return "/streams".equals(request.getServletPath()) && path != null && path.endsWith("/health")
                && path.indexOf('/', 1) == path.length() - "/health".length();
    }
}
