package io.gifstream.web;

import io.gifstream.channel.ChannelDirectoryScanner;
import io.gifstream.channel.Channels;
import io.gifstream.config.ChannelInput;
import io.gifstream.config.ChannelInputs;
import io.gifstream.config.ChannelInputsLoader;
import io.gifstream.config.ConfigLoader;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.ingest.FfmpegInstallation;
import io.gifstream.ingest.Ingest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Wires the application when the web application starts: reads the configuration (a bad value
 * fails the deployment), starts the channels — the default one, one per configured input (an ffmpeg
 * each), and one per subdirectory of the frame directory as they come and go
 * ({@link ChannelDirectoryScanner}) — and ends them all at undeploy.
 * Servlets find it as a context attribute ({@link #of}): a WAR in a stock Jetty gets no injection
 * into servlets, and a context attribute, unlike {@code CDI.current()}, cannot reach another
 * application's container when the CDI API is shared between deployments.
 */
@ApplicationScoped
public class GifstreamApp {
    private static final Logger LOG = Logger.getLogger(GifstreamApp.class.getName());

    private volatile GifstreamConfig config;
    private volatile Channels channels;
    private volatile ChannelDirectoryScanner scanner;
    private volatile Warmup warmup;
    private volatile Instant startedAt;
    private final Thread endStreamsAtShutdown = new Thread(this::endStreams, "gifstream-shutdown");

    public static GifstreamApp of(ServletContext context) {
        GifstreamApp app = (GifstreamApp) context.getAttribute(GifstreamApp.class.getName());
        if (app == null) {
            throw new IllegalStateException("gifstream did not start: CDI is missing or its startup failed (see the log)");
        }
        return app;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        config = ConfigLoader.forContext(context::getInitParameter).load();
        ChannelInputs inputs = ChannelInputsLoader.forContext(initParameters(context)).load();
        if (!inputs.channels().isEmpty()) {
            LOG.info("channels fed by " + FfmpegInstallation.require(inputs.ffmpegPath()));
        }
        channels = new Channels(config);
        try {
            for (ChannelInput input : inputs.channels()) {
                channels.add(input.name(), Ingest.ffmpeg(input, inputs.ffmpegPath(), config));
            }
        } catch (RuntimeException e) {
            channels.close();
            throw e;
        }
        scanner = config.framesDir()
                .map(dir -> ChannelDirectoryScanner.start(dir, channels, config.rescanInterval()))
                .orElse(null);
        warmup = new Warmup(config.warmupRequests(), config.warmupCrowd(), config.accessToken(), channels);
        startedAt = Instant.now();
        context.setAttribute(GifstreamApp.class.getName(), this);
        // A container shutting down may close its connections before it stops the application (a stock
        // Jetty does): a stream cut without its trailer and last chunk shows a broken image. So the
        // streams end when the JVM is asked to stop, while the connections still stand.
        Runtime.getRuntime().addShutdownHook(endStreamsAtShutdown);
        LOG.info("gifstream started at " + context.getContextPath() + "/ with " + config);
    }

    private static Map<String, String> initParameters(ServletContext context) {
        Map<String, String> parameters = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            parameters.put(name, context.getInitParameter(name));
        }
        return parameters;
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext context) {
        context.removeAttribute(GifstreamApp.class.getName());
        try {
            Runtime.getRuntime().removeShutdownHook(endStreamsAtShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the streams are ending already
        }
        if (scanner != null) {
            scanner.close();
        }
        warmup.close();
        endStreams();
        LOG.info("gifstream stopped");
    }

    private void endStreams() {
        if (channels != null) {
            channels.close();
        }
    }

    public Channels channels() {
        return channels;
    }

    Warmup warmup() {
        return warmup;
    }

    public GifstreamConfig config() {
        return config;
    }

    public Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }
}
