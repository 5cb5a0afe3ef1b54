package io.gifstream.ingest;

import io.gifstream.config.ChannelInput;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.StreamFrame;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One channel's frame ingest, from start to close: a source producing into its own pipeline, which
 * parses each frame once and hands it on to the channel's viewers. What feeds it is a {@link Feed}:
 * frame files ({@link #directory}), the test pattern ({@link #demo}) or an ffmpeg it runs ({@link #ffmpeg}).
 */
public final class Ingest implements AutoCloseable {

    /**
     * How a channel's frames arrive: the source, built around the pipeline it produces into, and the
     * frame rate that sets each frame's display delay.
     */
    public record Feed(double framesPerSecond, Function<FramePipeline, FrameSource> source) {
    }

    private final FramePipeline pipeline;
    private final FrameSource source;

    private Ingest(FramePipeline pipeline, FrameSource source) {
        this.pipeline = pipeline;
        this.source = source;
    }

    /**
     * Builds the pipeline with the configured frame limits and the feed's rate, the feed's source around
     * it, and starts the source.
     *
     * @param viewers where encoded frames go: the channel's broadcaster's {@code publish}
     */
    public static Ingest start(GifstreamConfig config, Consumer<StreamFrame> viewers, Feed feed) {
        FramePipeline pipeline = new FramePipeline(new FrameParser(limits(config)), viewers, feed.framesPerSecond());
        FrameSource started = feed.source().apply(pipeline);
        started.start();
        return new Ingest(pipeline, started);
    }

    /** {@code in<N>.gif} files written into {@code directory}, with the configured frame settings. */
    public static Feed directory(Path directory, GifstreamConfig config) {
        return new Feed(config.framesPerSecond(), pipeline -> new FrameDirectoryWatcher(directory, pipeline,
                config.retainFrames(), config.maxFrameBytes(), config.frameGrace(), config.rescanInterval()));
    }

    /** The built-in test pattern at the configured rate. */
    public static Feed demo(GifstreamConfig config) {
        return demo(config.framesPerSecond());
    }

    /** The built-in test pattern at this rate. */
    public static Feed demo(double framesPerSecond) {
        return new Feed(framesPerSecond,
                pipeline -> new DemoPatternSource(pipeline, framesPerSecond, Clock.systemDefaultZone()));
    }

    /** An ffmpeg this channel runs and restarts, reading {@code input} at the input's own rate. */
    public static Feed ffmpeg(ChannelInput input, String ffmpegPath, GifstreamConfig config) {
        return new Feed(input.framesPerSecond(),
                pipeline -> new FfmpegSource(input, ffmpegPath, pipeline, limits(config)));
    }

    private static ParserLimits limits(GifstreamConfig config) {
        return new ParserLimits(config.maxFrameBytes(), config.maxFramePixels());
    }

    public IngestStatus status() {
        return new IngestStatus(source.kind(), source.location(), source.state(),
                pipeline.framesIngested(), pipeline.framesSkipped(), pipeline.lastSkipReason(), pipeline.fps(),
                pipeline.secondsSinceLastFrame());
    }

    /** Stops the source and waits for its thread, so nothing outlives the channel. */
    @Override
    public void close() {
        source.close();
    }
}
