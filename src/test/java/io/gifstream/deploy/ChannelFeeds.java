package io.gifstream.deploy;

import io.gifstream.testing.ContainerProcess;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.FrameProducer;
import io.gifstream.testing.Pixels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The contract's named channels beside the default one: {@code cam1}, ffmpeg reading its lavfi test
 * source; {@code cam2}, ffmpeg looping a 3 s clip; {@code door}, a subdirectory of the frame directory
 * that a {@link FrameProducer} writes the small fixtures into at 10 fps.
 */
final class ChannelFeeds implements AutoCloseable {
    static final String LAVFI = "cam1";
    static final String CLIP = "cam2";
    static final String DIRECTORY = "door";
    /** As the page and /channels order them: the default channel first, then by name. */
    static final List<String> ALL = List.of("default", LAVFI, CLIP, DIRECTORY);
    static final List<int[]> DIRECTORY_INPUTS = Pixels.decodeFrames(Fixtures.folder(Fixtures.SMALL));

    private final Path clip;
    private final Path directory;
    private FrameProducer producer;

    private ChannelFeeds(Path clip, Path directory) {
        this.clip = clip;
        this.directory = directory;
    }

    /** Encodes the clip into {@code work} with ffmpeg and makes the channel directory under {@code frames}. */
    static ChannelFeeds prepare(Path work, Path frames) throws Exception {
        Path clip = work.resolve("clip.mp4");
        ContainerProcess.run(work, List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=192x144:rate=10:duration=3", "-c:v", "mpeg4", clip.toString()));
        return new ChannelFeeds(clip, Files.createDirectories(frames.resolve(DIRECTORY)));
    }

    /** The deploy script's --set values that make the two ffmpeg channels. */
    List<String> settings() {
        return List.of("gifstream.channels." + LAVFI + ".input=lavfi:testsrc=size=160x120:rate=10",
                "gifstream.channels." + CLIP + ".input=" + clip,
                "gifstream.channels." + CLIP + ".loop=true");
    }

    void startDirectoryFrames() {
        producer = new FrameProducer(directory, Fixtures.frames(Fixtures.SMALL)).startAt(10);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.stop();
        }
    }
}
