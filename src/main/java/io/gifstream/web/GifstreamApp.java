package io.gifstream.web;

import io.gifstream.config.ConfigLoader;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.ingest.IngestService;
import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.StreamSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Wires the application when the web application starts: reads the configuration (a bad value
 * fails the deployment), creates the broadcaster and starts the ingest; stops both at undeploy.
 * Servlets find it as a context attribute ({@link #of}): a WAR in a stock Jetty gets no injection
 * into servlets, and a context attribute, unlike {@code CDI.current()}, cannot reach another
 * application's container when the CDI API is shared between deployments.
 */
@ApplicationScoped
public class GifstreamApp {
    private static final Logger LOG = Logger.getLogger(GifstreamApp.class.getName());

    @Inject
    IngestService ingest;

    private volatile GifstreamConfig config;
    private volatile Broadcaster broadcaster;
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
        broadcaster = new Broadcaster(new StreamSettings(config.viewerBacklog(), config.stallTimeout(),
                config.keepAlive(), config.preroll(), config.maxViewers(), config.maxViewersPerAddress()));
        ingest.start(config, broadcaster);
        startedAt = Instant.now();
        context.setAttribute(GifstreamApp.class.getName(), this);
        // A container shutting down may close its connections before it stops the application (a stock
        // Jetty does): a stream cut without its trailer and last chunk shows a broken image. So the
        // streams end when the JVM is asked to stop, while the connections still stand.
        Runtime.getRuntime().addShutdownHook(endStreamsAtShutdown);
        LOG.info("gifstream started at " + context.getContextPath() + "/ with " + config);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext context) {
        context.removeAttribute(GifstreamApp.class.getName());
        try {
            Runtime.getRuntime().removeShutdownHook(endStreamsAtShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the streams are ending already
        }
        ingest.stop();
        endStreams();
        LOG.info("gifstream stopped");
    }

    private void endStreams() {
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    public Broadcaster broadcaster() {
        return broadcaster;
    }

    public IngestService ingest() {
        return ingest;
    }

    public GifstreamConfig config() {
        return config;
    }

    public Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }
}
