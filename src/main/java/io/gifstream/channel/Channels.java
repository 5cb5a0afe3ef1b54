package io.gifstream.channel;

import io.gifstream.config.ChannelName;
import io.gifstream.config.GifstreamConfig;
import io.gifstream.ingest.Ingest;
import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.StreamSettings;
import io.gifstream.stream.ViewerLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Every channel of the application: the default one, which lives as long as the registry, and the
 * named ones, which come and go — from configuration ({@link #add}) and from the subdirectories of the
 * frame directory ({@link ChannelDirectoryScanner}). At most {@code gifstream.channels.max} named
 * channels at once. All channels seat their viewers in one {@link ViewerLimits}: the viewer limits
 * are one server's capacity, not each channel's.
 *
 * <p>Lookups and listings are lock-free; additions and removals are serialised, so the cap holds, but
 * a channel is started and closed outside that lock (closing lets the streams' trailers go out).
 */
public final class Channels implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Channels.class.getName());

    private final GifstreamConfig config;
    private final StreamSettings settings;
    private final ViewerLimits seats;
    private final Channel defaultChannel;
    private final ConcurrentHashMap<String, Channel> named = new ConcurrentHashMap<>();
    private final Set<String> configured = ConcurrentHashMap.newKeySet();
    private final Object changes = new Object();
    private int reserved; // guarded by changes: named channels being started, counted against the cap
    private boolean closed; // guarded by changes

    /** Starts the default channel: the frame directory's own files, or the demo pattern when none is set. */
    public Channels(GifstreamConfig config) {
        this.config = config;
        this.settings = new StreamSettings(config.viewerBacklog(), config.stallTimeout(), config.keepAlive(),
                config.preroll(), config.maxViewers(), config.maxViewersPerAddress());
        this.seats = new ViewerLimits(config.maxViewers(), config.maxViewersPerAddress());
        this.defaultChannel = open(ChannelName.DEFAULT, config.framesDir()
                .map(dir -> Ingest.directory(dir, config))
                .orElseGet(() -> Ingest.demo(config)));
    }

    /**
     * Starts a channel from configuration, for example one fed by an input address ({@link Ingest#ffmpeg}).
     * Its name wins
     * over a subdirectory of the same name: a directory channel of that name is ended, and the
     * subdirectory refused from then on.
     *
     * @throws IllegalArgumentException for an invalid or reserved name, a name configured twice, or a
     *                                  channel beyond {@code gifstream.channels.max}
     */
    public Channel add(String name, Ingest.Feed feed) {
        ChannelName.require(name);
        if (name.equals(ChannelName.DEFAULT)) {
            throw new IllegalArgumentException("channel name \"default\" is reserved for the frame directory's own files");
        }
        Channel replaced;
        synchronized (changes) {
            if (closed) {
                throw new IllegalStateException("the channels are closed: the application is stopping");
            }
            if (!configured.add(name)) {
                throw new IllegalArgumentException("channel " + name + " is configured twice");
            }
            replaced = named.remove(name);
            if (!hasRoom()) {
                configured.remove(name);
                throw new IllegalArgumentException("channel " + name + " is one more than gifstream.channels.max="
                        + config.maxChannels());
            }
            reserved++;
        }
        if (replaced != null) {
            LOG.info("ending directory " + replaced + ": the configured channel of that name takes its place");
            replaced.close();
        }
        return startReserved(name, feed);
    }

    /** A subdirectory's channel, or why it cannot be one; for the {@link ChannelDirectoryScanner}. */
    Optional<String> addDirectory(String name, Path directory) {
        if (!ChannelName.isValid(name)) {
            return Optional.of("not a valid channel name (" + ChannelName.RULE + ")");
        }
        synchronized (changes) {
            if (closed) {
                return Optional.of("the application is stopping");
            }
            if (name.equals(ChannelName.DEFAULT)) {
                return Optional.of("\"default\" is reserved for the frame directory's own files");
            }
            if (configured.contains(name)) {
                return Optional.of("a configured channel has this name");
            }
            if (named.containsKey(name)) {
                return Optional.of("a channel of this name exists");
            }
            if (!hasRoom()) {
                return Optional.of("gifstream.channels.max=" + config.maxChannels() + " channels exist already");
            }
            reserved++;
        }
        startReserved(name, Ingest.directory(directory, config));
        return Optional.empty();
    }

    /** Ends a subdirectory's channel: its streams end with the trailer, and its name is unknown from then on. */
    void removeDirectory(String name) {
        Channel removed;
        synchronized (changes) {
            if (configured.contains(name)) {
                return;
            }
            removed = named.remove(name);
        }
        if (removed != null) {
            removed.close();
        }
    }

    // guarded by changes
    private boolean hasRoom() {
        return named.size() + reserved < config.maxChannels();
    }

    private Channel startReserved(String name, Ingest.Feed feed) {
        Channel channel = null;
        boolean late;
        try {
            channel = open(name, feed);
        } finally {
            synchronized (changes) {
                reserved--;
                late = closed;
                if (channel != null && !late) {
                    named.put(name, channel);
                }
            }
        }
        if (late) {
            channel.close();
        } else {
            LOG.info("started " + channel + " from " + channel.status().location());
        }
        return channel;
    }

    /**
     * A channel outside the registry, for the server's own use: never listed, counted, routed by name or
     * closed by {@link #close()}, with seats of its own, so its viewers take none of the real ones. The
     * caller closes it.
     */
    public Channel openUnlisted(String name, Ingest.Feed feed, int maxViewers) {
        return open(name, feed, new ViewerLimits(maxViewers, 0));
    }

    private Channel open(String name, Ingest.Feed feed) {
        return open(name, feed, seats);
    }

    private Channel open(String name, Ingest.Feed feed, ViewerLimits seatsOfChannel) {
        Broadcaster broadcaster = new Broadcaster(settings, seatsOfChannel);
        try {
            return new Channel(name, broadcaster, Ingest.start(config, broadcaster::publish, feed));
        } catch (RuntimeException e) {
            broadcaster.close();
            throw e;
        }
    }

    public Channel defaultChannel() {
        return defaultChannel;
    }

    /** The channel of this name ({@code default} included), if it exists now. */
    public Optional<Channel> find(String name) {
        if (ChannelName.DEFAULT.equals(name)) {
            return Optional.of(defaultChannel);
        }
        return name == null ? Optional.empty() : Optional.ofNullable(named.get(name));
    }

    /** Every channel now: the default first, then the named ones by name. */
    public List<Channel> all() {
        List<Channel> all = new ArrayList<>(named.values());
        all.sort(Comparator.comparing(Channel::name));
        all.add(0, defaultChannel);
        return all;
    }

    /** The named channels now, by name. */
    public List<Channel> named() {
        List<Channel> all = all();
        return all.subList(1, all.size());
    }

    /** Ends every channel, each with its trailers; no channel starts afterwards. */
    @Override
    public void close() {
        List<Channel> ending;
        synchronized (changes) {
            closed = true;
            ending = new ArrayList<>(named.values());
            named.clear();
        }
        ending.add(defaultChannel);
        // at once: each channel gives its viewers up to a second to receive their trailer
        List<Thread> closing = new ArrayList<>();
        for (Channel channel : ending) {
            Thread thread = new Thread(channel::close, "gifstream-close-" + channel.name());
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
