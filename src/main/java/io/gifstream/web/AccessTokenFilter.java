package io.gifstream.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * When {@code gifstream.access.token} is set, the stream, snapshot, status and metrics answer only requests
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
        if (expected.isEmpty() || expected.get().isPresentedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"gifstream\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "an access token is required");
    }
}
