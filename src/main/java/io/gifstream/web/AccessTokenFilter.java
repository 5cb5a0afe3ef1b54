package io.gifstream.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * When {@code gifstream.access.token} is set, the stream, snapshot and status answer only requests
 * that carry it, as {@code ?token=…} (what an {@code <img>} can send) or {@code Authorization: Bearer …}.
 * Compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, whatever the length.
 */
public class AccessTokenFilter extends HttpFilter {
    private transient Optional<byte[]> expectedDigest = Optional.empty();

    @Override
    public void init() {
        expectedDigest = GifstreamApp.of(getServletContext()).config().accessToken().map(AccessTokenFilter::digest);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (expectedDigest.isEmpty() || presented(request).map(AccessTokenFilter::digest)
                .filter(given -> MessageDigest.isEqual(given, expectedDigest.get())).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"gifstream\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "an access token is required");
    }

    private static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.ofNullable(request.getParameter("token"));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
