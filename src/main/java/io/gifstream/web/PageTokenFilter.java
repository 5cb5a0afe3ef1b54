package io.gifstream.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The page is shared as {@code /?token=…}; a token left in the address ends up in the history,
 * bookmarks, screenshots and the logs of every proxy on the way. So the page, asked with a valid
 * {@code ?token=}, answers with the token as an HttpOnly, SameSite=Strict cookie for the context path
 * and a redirect to the same address without it (other parameters kept); its own requests then carry
 * the cookie. A wrong token gets 401, so a broken link says so.
 */
public class PageTokenFilter extends HttpFilter {
    private transient Optional<AccessToken> expected = Optional.empty();

    @Override
    public void init() {
        expected = AccessToken.configured(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = pageName(request);
        String token = page == null || request.getQueryString() == null ? null : request.getParameter("token");
        if (expected.isEmpty() || token == null || !"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (!expected.get().matches(token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gifstream\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "the access token in this address is not valid");
            return;
        }
        response.addHeader("Set-Cookie", cookie(token, request));
        String rest = withoutToken(request.getQueryString());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        // relative, so that it stays right behind a proxy that serves the application under a prefix
        response.setHeader("Location", page + (rest.isEmpty() ? "" : "?" + rest));
    }

    /** The page's address relative to itself ("./" or "index.html"), or null for anything but the page. */
    private static String pageName(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/" -> "./";
            case "/index.html" -> "index.html";
            default -> null;
        };
    }

    // Secure only where the container knows the request came over HTTPS: behind a proxy that ends TLS,
    // the container must be told to trust X-Forwarded-Proto (see README), or the cookie goes without it.
    private static String cookie(String token, HttpServletRequest request) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return AccessToken.COOKIE + "=" + AccessToken.cookieValue(token) + "; Path=" + path
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
    }

    /** The query string without any {@code token} parameter, the others as they were sent. */
    static String withoutToken(String query) {
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !"token".equals(name(part)))
                .collect(Collectors.joining("&"));
    }

    private static String name(String part) {
        int equals = part.indexOf('=');
        String raw = equals < 0 ? part : part.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
