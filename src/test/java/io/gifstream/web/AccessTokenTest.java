package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessTokenTest {
    @Test
    void cookieValueHoldsAnyPrintableTokenInCookieSafeCharacters() {
        String token = "a\"b,c;d\\e=f-0123456789";
        String value = AccessToken.cookieValue(token);
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertTrue(new AccessToken(token).matches(token));
        assertFalse(new AccessToken(token).matches(value));
    }
}
