package io.gifstream.ingest;

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
 * parses each frame once and hands it on to the channel's viewers. The source is built around the
 * pipeline it is given ({@link #directory}, {@link #demo}, or another {@link FrameSource}).
 */
public final class Ingest implements AutoCloseable {
    private final FramePipeline pipeline;
    private final FrameSource source;

    private Ingest(FramePipeline pipeline, FrameSource source) {
        this.pipeline = pipeline;
        this.source = source;
    }

    /**
     * Builds the pipeline with the configured frame limits and rate, the source around it, and starts
     * the source.
     *
     * @param viewers where encoded frames go: the channel's broadcaster's {@code publish}
     */
    public static Ingest start(GifstreamConfig config, Consumer<StreamFrame> viewers,
                               Function<FramePipeline, FrameSource> source) {
        FrameParser parser = new FrameParser(new ParserLimits(config.maxFrameBytes(), config.maxFramePixels()));
        FramePipeline pipeline = new FramePipeline(parser, viewers, config.framesPerSecond());
        FrameSource started = source.apply(pipeline);
        started.start();
        return new Ingest(pipeline, started);
    }

    /** {@code in<N>.gif} files written into {@code directory}, with the configured frame settings. */
    public static Function<FramePipeline, FrameSource> directory(Path directory, GifstreamConfig config) {
        return pipeline -> new FrameDirectoryWatcher(directory, pipeline, config.retainFrames(),
                config.maxFrameBytes(), config.frameGrace(), config.rescanInterval());
    }

    /** The built-in test pattern at the configured rate. */
    public static Function<FramePipeline, FrameSource> demo(GifstreamConfig config) {
        return pipeline -> new DemoPatternSource(pipeline, config.framesPerSecond(), Clock.systemDefaultZone());
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
