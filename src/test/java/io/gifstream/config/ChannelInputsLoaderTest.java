package io.gifstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ChannelInput.FrameSize;
import io.gifstream.config.ChannelInput.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelInputsLoaderTest {
    @TempDir
    Path dir;

    private static ChannelInputs load(Map<String, String> properties, Map<String, String> environment,
                                      Map<String, String> contextParams) {
        return new ChannelInputsLoader(properties, environment, contextParams).load();
    }

    private static ChannelInputs fromProperties(Map<String, String> properties) {
        return load(properties, Map.of(), Map.of());
    }

    private static InvalidConfigException rejected(Map<String, String> properties) {
        return assertThrows(InvalidConfigException.class, () -> fromProperties(properties));
    }

    @Test
    void noChannelKeysMeansNoChannelsAndTheFfmpegOnThePath() {
        ChannelInputs inputs = load(Map.of("gifstream.frames.dir", "/x", "java.version", "17"),
                Map.of("PATH", "/usr/bin", "GIFSTREAM_FRAMES_RATE", "5"), Map.of());
        assertEquals(List.of(), inputs.channels());
        assertEquals("ffmpeg", inputs.ffmpegPath());
    }

    @Test
    void addressWithDefaultsForEverythingElse() {
        ChannelInput cam = fromProperties(Map.of("gifstream.channels.cam.input", "rtsp://10.0.0.5:554/stream1"))
                .channels().get(0);
        assertEquals(new ChannelInput("cam", "rtsp://10.0.0.5:554/stream1", Kind.ADDRESS, Optional.empty(), 10, 256, false),
                cam);
    }

    @Test
    void everySettingOfAFileChannel() throws IOException {
        Path file = Files.createFile(dir.resolve("clip.mp4"));
        Map<String, String> keys = Map.of(
                "gifstream.channels.lobby.input", file.toString(),
                "gifstream.channels.lobby.size", "320x180",
                "gifstream.channels.lobby.rate", "12.5",
                "gifstream.channels.lobby.colors", "64",
                "gifstream.channels.lobby.loop", "true",
                "gifstream.ffmpeg.path", "/opt/ffmpeg/bin/ffmpeg");
        ChannelInputs inputs = fromProperties(keys);
        assertEquals("/opt/ffmpeg/bin/ffmpeg", inputs.ffmpegPath());
        assertEquals(new ChannelInput("lobby", file.toString(), Kind.FILE, Optional.of(new FrameSize(320, 180)),
                12.5, 64, true), inputs.channels().get(0));
    }

    @Test
    void lavfiAndDeviceInputs() {
        List<ChannelInput> channels = fromProperties(Map.of(
                "gifstream.channels.test.input", "lavfi:testsrc=size=64x48",
                "gifstream.channels.null.input", "/dev/null")).channels();
        assertEquals(List.of("null", "test"), channels.stream().map(ChannelInput::name).toList());
        assertEquals(Kind.DEVICE, channels.get(0).kind());
        assertEquals(Kind.LAVFI, channels.get(1).kind());
        assertEquals("testsrc=size=64x48", channels.get(1).input());
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsContextParam() {
        String key = "gifstream.channels.cam.rate";
        Map<String, String> input = Map.of("gifstream.channels.cam.input", "http://cam/video");
        assertEquals(5, load(with(input, key, "5"), Map.of("GIFSTREAM_CHANNELS_CAM_RATE", "6"), Map.of(key, "7"))
                .channels().get(0).framesPerSecond());
        assertEquals(6, load(input, Map.of("GIFSTREAM_CHANNELS_CAM_RATE", "6"), Map.of(key, "7"))
                .channels().get(0).framesPerSecond());
        assertEquals(7, load(Map.of(), Map.of(), with(input, key, "7")).channels().get(0).framesPerSecond());
    }

    @Test
    void theChannelCapIsNotAChannel() {
        ChannelInputs inputs = load(Map.of("gifstream.channels.max", "4"), Map.of("GIFSTREAM_CHANNELS_MAX", "4"),
                Map.of("gifstream.channels.max", "16", "gifstream.channels.a.input", "http://a/"));
        assertEquals(List.of("a"), inputs.channels().stream().map(ChannelInput::name).toList());
    }

    @Test
    void channelsAreNamedByTheKeysOfEveryLayer() {
        ChannelInputs inputs = load(
                Map.of("gifstream.channels.a.input", "http://a/"),
                Map.of("GIFSTREAM_CHANNELS_FRONT_DOOR_INPUT", "rtsp://door/", "GIFSTREAM_CHANNELS_B_INPUT", "rtmp://b/live"),
                Map.of("gifstream.channels.c.input", "https://c/"));
        assertEquals(List.of("a", "b", "c", "front_door"), inputs.channels().stream().map(ChannelInput::name).toList());
    }

    @Test
    void environmentVariableSetsTheChannelAnotherLayerSpellsWithADash() {
        ChannelInputs inputs = load(Map.of(), Map.of("GIFSTREAM_CHANNELS_FRONT_DOOR_INPUT", "rtsp://door/"),
                Map.of("gifstream.channels.front-door.rate", "2"));
        assertEquals(1, inputs.channels().size());
        ChannelInput door = inputs.channels().get(0);
        assertEquals("front-door", door.name());
        assertEquals("rtsp://door/", door.input());
        assertEquals(2, door.framesPerSecond());
    }

    @Test
    void aChannelWithoutItsInputNamesTheInputKey() {
        InvalidConfigException e = rejected(Map.of("gifstream.channels.cam.rate", "5"));
        assertEquals("gifstream.channels.cam.input", e.key());
    }

    @Test
    void badNamesAreRejected() {
        for (String name : List.of("Cam", "-cam", "default", "a.b", "../x", "x".repeat(33), "")) {
            InvalidConfigException e = rejected(Map.of("gifstream.channels." + name + ".input", "http://a/"));
            assertTrue(e.getMessage().contains("channel named by 1 to 32"), name + ": " + e.getMessage());
        }
        assertEquals("x".repeat(32), fromProperties(Map.of("gifstream.channels." + "x".repeat(32) + ".input", "http://a/"))
                .channels().get(0).name());
        InvalidConfigException fromEnvironment = assertThrows(InvalidConfigException.class,
                () -> load(Map.of(), Map.of("GIFSTREAM_CHANNELS_DEFAULT_INPUT", "http://a/"), Map.of()));
        assertEquals("GIFSTREAM_CHANNELS_DEFAULT_INPUT", fromEnvironment.key());
    }

    @Test
    void unknownChannelSettingsAreRejectedRatherThanIgnored() {
        assertEquals("gifstream.channels.cam.inptu",
                rejected(Map.of("gifstream.channels.cam.inptu", "http://a/")).key());
        assertEquals("gifstream.channels.cam",
                rejected(Map.of("gifstream.channels.cam", "http://a/")).key());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load(Map.of(), Map.of("GIFSTREAM_CHANNELS_CAM_FPS", "5"), Map.of()));
        assertEquals("GIFSTREAM_CHANNELS_CAM_FPS", e.key());
    }

    @Test
    void everyBadValueNamesItsKey() {
        Map<String, String> input = Map.of("gifstream.channels.cam.input", "http://cam/");
        for (var entry : List.of(
                Map.entry("gifstream.channels.cam.size", "640"),
                Map.entry("gifstream.channels.cam.size", "0x480"),
                Map.entry("gifstream.channels.cam.size", "5000x480"),
                Map.entry("gifstream.channels.cam.rate", "0.5"),
                Map.entry("gifstream.channels.cam.rate", "fast"),
                Map.entry("gifstream.channels.cam.colors", "3"),
                Map.entry("gifstream.channels.cam.colors", "257"),
                Map.entry("gifstream.channels.cam.loop", "yes"),
                Map.entry("gifstream.channels.cam.loop", "true"))) { // looping is for files only
            InvalidConfigException e = rejected(with(input, entry.getKey(), entry.getValue()));
            assertEquals(entry.getKey(), e.key(), entry.toString());
            assertTrue(e.getMessage().startsWith("invalid setting " + entry.getKey() + "='" + entry.getValue() + "'"),
                    e.getMessage());
        }
        assertEquals("gifstream.ffmpeg.path",
                rejected(with(input, "gifstream.ffmpeg.path", " ")).key());
    }

    @Test
    void badInputsNameTheInputKey() {
        for (String input : List.of("", "ftp://host/x", "rtsp://", "mailto:a@b", "lavfi:",
                dir.resolve("missing.mp4").toString(), dir.toString(), "/dev/no-such-camera", "http://a/\nb")) {
            InvalidConfigException e = rejected(Map.of("gifstream.channels.cam.input", input));
            assertEquals("gifstream.channels.cam.input", e.key(), input);
        }
    }

    @Test
    void passwordOfAnAddressIsNeitherShownNorLogged() {
        ChannelInput cam = fromProperties(Map.of("gifstream.channels.cam.input", "rtsp://admin:secret@10.0.0.5/h264?x=1"))
                .channels().get(0);
        assertEquals("rtsp://***@10.0.0.5/h264?x=1", cam.displayedInput());
        assertFalse(cam.toString().contains("secret"));
        InvalidConfigException e = rejected(Map.of("gifstream.channels.cam.input", "ftp://admin:secret@host/x"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> map = new HashMap<>(base);
        map.put(key, value);
        return map;
    }
}
