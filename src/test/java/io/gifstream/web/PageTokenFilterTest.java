package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageTokenFilterTest {
    @Test
    void tokenLeavesTheQueryAndEveryOtherParameterStaysAsSent() {
        assertEquals("", PageTokenFilter.withoutToken("token=s3cret"));
        assertEquals("channel=north%20gate&x", PageTokenFilter.withoutToken("token=a&channel=north%20gate&token=b&x"));
        assertEquals("tokens=1", PageTokenFilter.withoutToken("%74oken=s3cret&tokens=1&token"));
    }
}
