package io.gifstream.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The configured access token and the three ways a request may present it: {@code Authorization:
 * Bearer …}, the cookie the page sets ({@link #COOKIE}) and {@code ?token=…}. Compared as SHA-256
 * digests with {@link MessageDigest#isEqual}: constant time, whatever the length.
 */
final class AccessToken {
    static final String COOKIE = "gifstream-token";

    private final byte[] expectedDigest;

    AccessToken(String token) {
        this.expectedDigest = digest(token);
    }

    /** The application's token ({@code gifstream.access.token}), if one is set. */
    static Optional<AccessToken> configured(ServletContext context) {
        return GifstreamApp.of(context).config().accessToken().map(AccessToken::new);
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(digest(presented), expectedDigest);
    }

    /** Whether any token the request carries is this one; a stale cookie does not hide a good header. */
    boolean isPresentedBy(HttpServletRequest request) {
        boolean match = false;
        for (String presented : presented(request)) {
            match |= matches(presented);
        }
        return match;
    }

    private static List<String> presented(HttpServletRequest request) {
        List<String> tokens = new ArrayList<>(3);
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.add(header.substring(7).trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    tokens.add(fromCookieValue(cookie.getValue()));
                }
            }
        }
        String parameter = request.getParameter("token");
        if (parameter != null) {
            tokens.add(parameter);
        }
        return tokens;
    }

    // A token may hold '"', ',', ';' or '\', which a cookie value may not: base64url holds none.
    static String cookieValue(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromCookieValue(String value) {
        try {
            return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            return "";
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
