package io.gifstream.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code gifstream.channels.<name>.input} and its companions from the same three layers as
 * {@link ConfigLoader}. The channels are the names found in the keys of any layer, so each layer is
 * given whole: an environment variable {@code GIFSTREAM_CHANNELS_FRONT_DOOR_INPUT} names the channel
 * {@code front_door}, or {@code front-door} when another layer spells it so. Every bad value, and every
 * key under {@code gifstream.channels.} that is not a channel setting, fails with
 * {@link InvalidConfigException} naming the key.
 */
public final class ChannelInputsLoader {
    public static final String FFMPEG_PATH = "gifstream.ffmpeg.path";
    public static final String CHANNELS_PREFIX = "gifstream.channels.";
    public static final String INPUT = "input";
    public static final String SIZE = "size";
    public static final String RATE = "rate";
    public static final String COLORS = "colors";
    public static final String LOOP = "loop";

    private static final List<String> SETTINGS = List.of(INPUT, SIZE, RATE, COLORS, LOOP);
    private static final String ENVIRONMENT_PREFIX = ConfigLoader.environmentName(CHANNELS_PREFIX);
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile(
            Pattern.quote(ENVIRONMENT_PREFIX) + "(.+)_(INPUT|SIZE|RATE|COLORS|LOOP)");
    private static final Pattern SIZE_VALUE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Set<String> ADDRESS_SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "http", "https");
    private static final String LAVFI_PREFIX = "lavfi:";
    private static final int MAX_SIDE = 4096;

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> contextParams;
    private final SettingLayers layers;

    public ChannelInputsLoader(Map<String, String> systemProperties, Map<String, String> environment,
                               Map<String, String> contextParams) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
        this.contextParams = Map.copyOf(contextParams);
        this.layers = new SettingLayers(this.systemProperties::get, this.environment::get, this.contextParams::get);
    }

    /** The layers of a running JVM; the context-params as the web layer reads them. */
    public static ChannelInputsLoader forContext(Map<String, String> contextParams) {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, System.getProperty(k)));
        return new ChannelInputsLoader(properties, System.getenv(), contextParams);
    }

    /** The name of one channel setting: {@code key("cam", "input")} is {@code gifstream.channels.cam.input}. */
    public static String key(String channel, String setting) {
        return CHANNELS_PREFIX + channel + "." + setting;
    }

    public ChannelInputs load() {
        String ffmpeg = layers.value(FFMPEG_PATH, "ffmpeg");
        if (ffmpeg.isEmpty()) {
            throw new InvalidConfigException(FFMPEG_PATH, ffmpeg, "the ffmpeg executable: a name on the PATH or a path");
        }
        List<ChannelInput> channels = new ArrayList<>();
        for (String name : channelNames()) {
            channels.add(channel(name));
        }
        return new ChannelInputs(ffmpeg, channels);
    }

    private SortedSet<String> channelNames() {
        SortedSet<String> names = new TreeSet<>();
        for (Map<String, String> layer : List.of(systemProperties, contextParams)) {
            for (String key : layer.keySet()) {
                if (key.startsWith(CHANNELS_PREFIX) && !key.equals(ConfigLoader.CHANNELS_MAX)) {
                    names.add(nameOf(key, layer.get(key)));
                }
            }
        }
        Set<String> spelledElsewhere = new TreeSet<>(names);
        for (String variable : environment.keySet()) {
            if (!variable.startsWith(ENVIRONMENT_PREFIX)
                    || variable.equals(ConfigLoader.environmentName(ConfigLoader.CHANNELS_MAX))) {
                continue;
            }
            Matcher matcher = ENVIRONMENT_KEY.matcher(variable);
            if (!matcher.matches()) {
                throw new InvalidConfigException(variable, environment.get(variable), "a channel setting, "
                        + ENVIRONMENT_PREFIX + "<NAME>_ and one of " + String.join(", ", SETTINGS).toUpperCase(Locale.ROOT));
            }
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            boolean known = spelledElsewhere.stream().anyMatch(n -> n.replace('-', '_').equals(name));
            if (!known) {
                names.add(checkedName(variable, name));
            }
        }
        return names;
    }

    /** The channel a key of the form gifstream.channels.&lt;name&gt;.&lt;setting&gt; is about. */
    private static String nameOf(String key, String value) {
        String rest = key.substring(CHANNELS_PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot < 0 || !SETTINGS.contains(rest.substring(dot + 1))) {
            throw new InvalidConfigException(key, value, "a channel setting, " + CHANNELS_PREFIX
                    + "<name>. and one of " + String.join(", ", SETTINGS));
        }
        return checkedName(key, rest.substring(0, dot));
    }

    private static String checkedName(String key, String name) {
        if (!ChannelName.isValid(name) || name.equals(ChannelName.DEFAULT)) {
            throw new InvalidConfigException(key, name, "about a channel named by " + ChannelName.RULE
                    + ", other than '" + ChannelName.DEFAULT + "'");
        }
        return name;
    }

    private ChannelInput channel(String name) {
        String inputKey = key(name, INPUT);
        String text = layers.value(inputKey, "");
        ChannelInput.Kind kind = kindOf(inputKey, text);
        String input = switch (kind) {
            case LAVFI -> text.substring(LAVFI_PREFIX.length());
            case FILE -> SettingLayers.path(inputKey, text).toString();
            default -> text;
        };
        boolean loop = layers.bool(key(name, LOOP), "false");
        if (loop && kind != ChannelInput.Kind.FILE) {
            throw new InvalidConfigException(key(name, LOOP), "true", "false unless the input is a file");
        }
        return new ChannelInput(name, input, kind, size(key(name, SIZE)),
                layers.decimal(key(name, RATE), "10", 1, 50),
                layers.integer(key(name, COLORS), "256", 4, 256),
                loop);
    }

    private static ChannelInput.Kind kindOf(String key, String text) {
        String accepted = "a file, an rtsp://, rtmp:// or http(s):// address, a device under /dev/ or lavfi:<filtergraph>";
        if (text.isEmpty() || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidConfigException(key, text, accepted);
        }
        if (text.startsWith(LAVFI_PREFIX)) {
            if (text.length() == LAVFI_PREFIX.length()) {
                throw new InvalidConfigException(key, text, accepted);
            }
            return ChannelInput.Kind.LAVFI;
        }
        if (text.contains("://")) {
            checkAddress(key, text, accepted);
            return ChannelInput.Kind.ADDRESS;
        }
        Path path = SettingLayers.path(key, text);
        if (text.startsWith("/dev/")) {
            if (!Files.exists(path)) {
                throw new InvalidConfigException(key, text, "an existing device (" + path + " does not exist)");
            }
            return ChannelInput.Kind.DEVICE;
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidConfigException(key, text, accepted + " (no readable file " + path + ")");
        }
        return ChannelInput.Kind.FILE;
    }

    private static void checkAddress(String key, String text, String accepted) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (ADDRESS_SCHEMES.contains(scheme) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidConfigException(key, hideUserInfo(text), accepted);
    }

    /** An address that fails to parse may still hold a password: the message shows none. */
    private static String hideUserInfo(String text) {
        int at = text.lastIndexOf('@');
        int schemeEnd = text.indexOf("://");
        return at > schemeEnd && schemeEnd >= 0 ? text.substring(0, schemeEnd + 3) + "***" + text.substring(at) : text;
    }

    private Optional<ChannelInput.FrameSize> size(String key) {
        String text = layers.value(key, "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = SIZE_VALUE.matcher(text);
        if (matcher.matches()) {
            int width = Integer.parseInt(matcher.group(1));
            int height = Integer.parseInt(matcher.group(2));
            if (width >= 1 && width <= MAX_SIDE && height >= 1 && height <= MAX_SIDE) {
                return Optional.of(new ChannelInput.FrameSize(width, height));
            }
        }
        throw new InvalidConfigException(key, text, "WIDTHxHEIGHT, each from 1 to " + MAX_SIDE + ", e.g. 640x360");
    }
}
