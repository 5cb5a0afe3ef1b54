package io.gifstream.config;

import java.util.regex.Pattern;

/**
 * The rule for channel names: they become URL path segments and directory names, so a bounded set
 * of characters that needs no escaping in either, cannot be {@code .} or {@code ..}, and holds no slash.
 */
public final class ChannelName {
    /** The channel of the frames written straight into the frame directory, or of the demo pattern. */
    public static final String DEFAULT = "default";
    public static final String RULE =
            "1 to 32 characters: lower-case letters a-z, digits, '-' and '_', starting with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private ChannelName() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** The name, if it follows the {@link #RULE}; otherwise an {@link IllegalArgumentException} that says why. */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("channel name " + printable(name) + " is not valid: " + RULE);
        }
        return name;
    }

    /** A name as it may go into a log line: quoted, at most 40 characters, control characters replaced. */
    public static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
