package io.gifstream.channel;

import io.gifstream.config.ChannelName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes every subdirectory of the frame directory a channel, as they appear and disappear: lists them
 * every rescan interval, starts a channel for a new one, and ends the channel of one that is gone. A
 * subdirectory that cannot be a channel (its name, the cap, a configured channel of that name) is logged
 * once with the reason, and tried again at every scan, so that it starts once a place frees up. Links
 * are never followed, as in the frame directory itself.
 */
public final class ChannelDirectoryScanner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelDirectoryScanner.class.getName());

    private final Path root;
    private final Channels channels;
    private final ScheduledExecutorService timer;
    // used by the timer's thread only
    private final Set<String> started = new HashSet<>();
    private final Map<String, String> refused = new HashMap<>();
    private boolean listingFailed;

    private ChannelDirectoryScanner(Path root, Channels channels) {
        this.root = root;
        this.channels = channels;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gifstream-channel-scanner");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Scans at once, then every {@code interval}, until closed. */
    public static ChannelDirectoryScanner start(Path root, Channels channels, Duration interval) {
        ChannelDirectoryScanner scanner = new ChannelDirectoryScanner(root, channels);
        scanner.timer.scheduleWithFixedDelay(scanner::scanLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return scanner;
    }

    private void scanLogged() {
        try {
            scan();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep scanning
            LOG.log(Level.SEVERE, "scanning " + root + " for channels failed", e);
        }
    }

    private void scan() {
        Set<String> present = subdirectories();
        if (present == null) {
            return; // keep the channels as they are until the directory can be listed again
        }
        for (String name : Set.copyOf(started)) {
            if (!present.contains(name)) {
                LOG.info("channel directory " + root.resolve(name) + " is gone: ending channel " + name);
                channels.removeDirectory(name);
                started.remove(name);
            }
        }
        refused.keySet().retainAll(present);
        for (String name : present) {
            if (started.contains(name)) {
                continue;
            }
            var refusal = channels.addDirectory(name, root.resolve(name));
            if (refusal.isEmpty()) {
                started.add(name);
                refused.remove(name);
            } else if (!refusal.get().equals(refused.put(name, refusal.get()))) {
                LOG.warning("subdirectory " + ChannelName.printable(name) + " of " + root + " is not a channel: "
                        + refusal.get());
            }
        }
    }

    /** The names of the subdirectories now: none while the frame directory is missing, null if it cannot be listed. */
    private Set<String> subdirectories() {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
            listingFailed = false;
        } catch (NoSuchFileException missing) {
            // the default channel reports the missing directory
        } catch (IOException e) {
            if (!listingFailed) {
                LOG.warning("cannot list channel directories in " + root + ": " + e);
                listingFailed = true;
            }
            return null;
        }
        return names;
    }

    /** Stops scanning; the channels it started stay, and end with the {@link Channels}. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
