package io.gifstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelNameTest {

    @Test
    void lowerCaseLettersDigitsDashAndUnderscoreUpTo32Characters() {
        for (String name : List.of("a", "cam1", "0", "front-door", "yard_2", "a".repeat(32), "default")) {
            assertTrue(ChannelName.isValid(name), name);
            assertEquals(name, ChannelName.require(name));
        }
    }

    @Test
    void pathEscapesUpperCaseAndLongNamesAreRefused() {
        for (String name : List.of("", ".", "..", "%2e%2e", "a/b", "a\\b", "Cam1", "-cam", "_cam", "cam.gif",
                "a".repeat(33), "cam 1", "caméra", "cam\n1", "cam1/")) {
            assertFalse(ChannelName.isValid(name), name);
        }
        assertFalse(ChannelName.isValid(null));
    }

    @Test
    void refusalNamesTheRuleAndShowsTheNameSafely() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ChannelName.require("Bad\nName"));
        assertEquals("channel name \"Bad?Name\" is not valid: " + ChannelName.RULE, refused.getMessage());
    }
}
