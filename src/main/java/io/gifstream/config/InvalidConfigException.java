package io.gifstream.config;

/** A setting with a value outside what it accepts; the message names the key, the value and the range. */
public final class InvalidConfigException extends IllegalArgumentException {
    private final String key;

    public InvalidConfigException(String key, String value, String accepted) {
        super("invalid setting " + key + "='" + value + "': must be " + accepted
                + " (set it as context-param, -D" + key + " or " + ConfigLoader.environmentName(key) + ")");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
