package io.gifstream.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The three layers a setting is looked up in, highest first (a JVM system property, the environment
 * variable {@link ConfigLoader#environmentName}, the context-param), and the typed readings of a
 * value that fail with {@link InvalidConfigException} naming the key.
 */
final class SettingLayers {
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> contextParams;

    SettingLayers(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
                  UnaryOperator<String> contextParams) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.contextParams = contextParams;
    }

    /** The value of the highest layer that sets the key, trimmed, or the built-in default. */
    String value(String key, String builtInDefault) {
        String value = systemProperties.apply(key);
        if (value == null) {
            value = environment.apply(ConfigLoader.environmentName(key));
        }
        if (value == null) {
            value = contextParams.apply(key);
        }
        return value == null ? builtInDefault : value.trim();
    }

    int integer(String key, String builtInDefault, int min, int max) {
        String text = value(key, builtInDefault);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidConfigException(key, text, "a whole number from " + min + " to " + max);
    }

    boolean bool(String key, String builtInDefault) {
        String text = value(key, builtInDefault);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new InvalidConfigException(key, text, "true or false");
    }

    double decimal(String key, String builtInDefault, double min, double max) {
        String text = value(key, builtInDefault);
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidConfigException(key, text, "a number from " + format(min) + " to " + format(max));
    }

    static Path path(String key, String text) {
        try {
            return Path.of(text).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidConfigException(key, text, "a file system path");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
