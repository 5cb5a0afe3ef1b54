package io.gifstream.ingest;

import io.gifstream.config.GifstreamConfig;
import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.stream.Broadcaster;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The application's frame ingest: runs the configured source — the frame directory, or the demo
 * pattern when none is set — from application start to undeploy, feeding one broadcaster.
 */
@ApplicationScoped
public class IngestService {
    private FramePipeline pipeline;
    private FrameSource source;

    public synchronized void start(GifstreamConfig config, Broadcaster broadcaster) {
        if (source != null) {
            throw new IllegalStateException("ingest already started");
        }
        FrameParser parser = new FrameParser(new ParserLimits(config.maxFrameBytes(), config.maxFramePixels()));
        pipeline = new FramePipeline(parser, broadcaster::publish, config.framesPerSecond());
        source = config.framesDir()
                .<FrameSource>map(dir -> new FrameDirectoryWatcher(dir, pipeline, config.retainFrames(),
                        config.maxFrameBytes(), config.frameGrace(), config.rescanInterval()))
                .orElseGet(() -> new DemoPatternSource(pipeline, config.framesPerSecond(), Clock.systemDefaultZone()));
        source.start();
    }

    public synchronized IngestStatus status() {
        if (source == null) {
            return new IngestStatus("none", "", "not started", 0, 0, null, 0, -1);
        }
        return new IngestStatus(source.kind(), source.location(), source.state(),
                pipeline.framesIngested(), pipeline.framesSkipped(), pipeline.lastSkipReason(), pipeline.fps(),
                pipeline.secondsSinceLastFrame());
    }

    /** Stops the source and waits for its thread, so nothing outlives the application. */
    @PreDestroy
    public synchronized void stop() {
        if (source != null) {
            source.close();
        }
    }
}
