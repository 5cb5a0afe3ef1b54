package io.gifstream.ingest;

import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.SourceFrame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.NoSuchFileException;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingests {@code in<N>.gif} files from a directory in numeric order, as a producer such as ffmpeg
 * writes them in place. Woken by the {@link WatchService}, with a periodic rescan for file systems
 * that send no notifications. A file counts once it parses through its trailer; one that can never
 * become a frame is skipped at once, and one that may still be being written waits at most the grace
 * time, and only until a later frame is complete ({@link FrameVerdict}). Links are never followed.
 */
final class FrameDirectoryWatcher implements FrameSource, Runnable {
    private static final Logger LOG = Logger.getLogger(FrameDirectoryWatcher.class.getName());
    /**
     * How old the newest file found at startup may be to be shown as live: ten frames at the default
     * 10 fps, two at the slowest rate (1 fps), so a running producer always has one this fresh, while a
     * file left by a producer that stopped (the usual case after a restart of the server) is not shown.
     */
    static final Duration LIVE_AT_START = Duration.ofSeconds(2);

    private final Path directory;
    private final FramePipeline pipeline;
    private final FrameRetention retention;
    private final int maxBytes;
    private final long graceNanos;
    private final long rescanMillis;
    private final Thread thread;
    private volatile boolean running;
    private volatile String state = "starting";

    private WatchService watcher;
    private WatchKey watchKey;
    private boolean firstScan = true;             // files found by the first scan are history, not news
    private long lastNumber;
    private FileTime lastModified = FileTime.fromMillis(0);
    private FileTime staleUpTo = FileTime.fromMillis(0); // files this old belong to an earlier producer run
    private long pendingNumber = -1;
    private long pendingSinceNanos;

    FrameDirectoryWatcher(Path directory, FramePipeline pipeline, int retain, int maxBytes,
                          Duration grace, Duration rescan) {
        this.directory = directory;
        this.pipeline = pipeline;
        this.retention = new FrameRetention(retain);
        this.maxBytes = maxBytes;
        this.graceNanos = grace.toNanos();
        this.rescanMillis = rescan.toMillis();
        this.thread = new Thread(this, "gifstream-ingest");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public String kind() {
        return "directory";
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String state() {
        return state;
    }

    @Override
    public void run() {
        try {
            watcher = directory.getFileSystem().newWatchService();
            while (running) {
                if (!directoryReady()) {
                    pause(rescanMillis);
                    continue;
                }
                try {
                    scan();
                } catch (NoSuchFileException vanished) {
                    if (Files.isDirectory(directory)) {
                        throw vanished;
                    }
                    continue; // deleted between the check and the listing: the next check reports it missing
                }
                awaitChange();
            }
        } catch (IOException e) {
            state = "failed: " + e.getMessage();
            LOG.log(Level.SEVERE, "frame directory watcher failed for " + directory, e);
        } catch (ClosedWatchServiceException | InterruptedException stopping) {
            // close() was called
        } finally {
            closeWatcher();
        }
    }

    private boolean directoryReady() throws IOException {
        String problem = !Files.isDirectory(directory) ? "directory missing"
                : !Files.isReadable(directory) ? "directory unreadable" : null;
        if (problem != null) {
            if (!problem.equals(state)) {
                LOG.warning("frame " + problem + ": " + directory + " (waiting for it to appear)");
                state = problem;
            }
            if (watchKey != null) {
                watchKey.cancel();
                watchKey = null;
            }
            return false;
        }
        if (watchKey == null || !watchKey.isValid()) {
            watchKey = directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            firstScan = true; // a (re)appeared directory: start again at its newest frame
            LOG.info("watching frame directory " + directory);
            state = "watching";
        }
        return true;
    }

    /** Sleeps until the directory changes, the rescan interval passes, or a waiting file's grace runs out. */
    private void awaitChange() throws InterruptedException {
        long timeout = rescanMillis;
        if (pendingNumber >= 0) {
            long graceLeft = graceNanos - (System.nanoTime() - pendingSinceNanos);
            timeout = Math.max(1, Math.min(rescanMillis, TimeUnit.NANOSECONDS.toMillis(graceLeft) + 1));
        }
        WatchKey key = watcher.poll(timeout, TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents();
            if (!key.reset() && key == watchKey) {
                watchKey = null;
            }
            key = watcher.poll();
        }
    }

    private void scan() throws IOException {
        if (firstScan) {
            firstScan = false;
            startAtNewest();
        }
        FrameListing listing = FrameListing.read(directory, lastNumber);
        if (detectProducerRestart(listing.lowestBelow())) {
            listing = FrameListing.read(directory, lastNumber);
        }
        List<FrameFile> candidates = listing.above().stream()
                .filter(f -> f.modified().compareTo(staleUpTo) > 0)
                .toList();
        Map<Long, ParseResult> parsed = new HashMap<>();
        long now = System.nanoTime();
        for (int i = 0; i < candidates.size() && running; i++) {
            FrameFile file = candidates.get(i);
            if (!file.regularFile()) {
                pipeline.skip(file.name(), "not a regular file (a symbolic link, directory or device is never read)");
                take(file);
                continue;
            }
            ParseResult result = parsed.computeIfAbsent(file.number(), n -> read(file));
            long waited = pendingNumber == file.number() ? now - pendingSinceNanos : 0;
            int position = i;
            switch (FrameVerdict.of(result, waited, graceNanos, () -> anyLaterComplete(candidates, position, parsed))) {
                case PUBLISH -> pipeline.publish((SourceFrame) result);
                case SKIP -> pipeline.skip(file.name(), (FrameRejected) result);
                case WAIT -> {
                    if (pendingNumber != file.number()) {
                        pendingNumber = file.number();
                        pendingSinceNanos = now;
                    }
                    return; // possibly still being written: retry on the next change, rescan or when the grace ends
                }
            }
            take(file);
        }
    }

    private boolean anyLaterComplete(List<FrameFile> candidates, int position, Map<Long, ParseResult> parsed) {
        for (FrameFile later : candidates.subList(position + 1, candidates.size())) {
            if (later.regularFile()
                    && parsed.computeIfAbsent(later.number(), n -> read(later)) instanceof SourceFrame) {
                return true;
            }
        }
        return false;
    }

    /**
     * On start, or when the directory appears: earlier files are history, not frames to replay. The
     * newest is shown only if it is live, written less than {@link #LIVE_AT_START} ago; an older one is
     * a picture of the past (the producer is not running), and the stream waits for the next new file.
     */
    private void startAtNewest() throws IOException {
        lastNumber = 0;
        lastModified = FileTime.fromMillis(0);
        staleUpTo = FileTime.fromMillis(0);
        pendingNumber = -1;
        retention.forgetAll();
        TreeMap<Long, Path> names = FrameListing.names(directory);
        if (names.isEmpty()) {
            return;
        }
        Optional<FrameFile> newest = FrameFile.stat(names.lastEntry().getValue(), names.lastKey());
        if (newest.isEmpty()) {
            return;
        }
        boolean live = newest.get().regularFile() && isRecent(newest.get().modified());
        lastNumber = newest.get().number() - (live ? 1 : 0);
        lastModified = newest.get().modified();
        if (retention.deletes()) {
            names.headMap(lastNumber, true).forEach((number, path) -> FrameFile.stat(path, number).ifPresent(retention::keep));
        }
        if (!live) {
            LOG.info("newest frame " + newest.get().name() + " is from " + newest.get().modified()
                    + ", not live: waiting for the next one");
        }
    }

    private static boolean isRecent(FileTime modified) {
        return System.currentTimeMillis() - modified.toMillis() <= LIVE_AT_START.toMillis();
    }

    /**
     * A producer that restarts writes in1.gif again: the lowest-numbered file below the last one taken,
     * written after it. (The last one taken itself may still show a later time: the producer can finish
     * and close it after we read it.)
     */
    private boolean detectProducerRestart(Optional<FrameFile> lowestBelow) {
        if (lowestBelow.isEmpty() || !lowestBelow.get().regularFile()
                || lowestBelow.get().modified().compareTo(lastModified) <= 0) {
            return false;
        }
        FrameFile file = lowestBelow.get();
        LOG.info("producer restarted: " + file.name() + " is newer than frame " + lastNumber + "; continuing from it");
        staleUpTo = lastModified;
        lastNumber = file.number() - 1;
        pendingNumber = -1;
        return true;
    }

    /** Reads the file itself, never through a link: the listing saw a regular file, but it may have been swapped since. */
    private ParseResult read(FrameFile file) {
        try (InputStream in = Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(maxBytes + 1); // the parser rejects anything longer by its size
            return pipeline.parse(bytes);
        } catch (IOException e) {
            return new FrameRejected("unreadable file (" + e.getClass().getSimpleName() + ")", 0, false);
        }
    }

    private void take(FrameFile file) {
        FrameFile taken = FrameFile.stat(file.path(), file.number()).orElse(file); // its last write, now that we read it
        lastNumber = taken.number();
        lastModified = taken.modified();
        pendingNumber = -1;
        retention.keep(taken);
    }

    private void pause(long millis) throws InterruptedException {
        Thread.sleep(millis); // only while the directory is missing: there is nothing to watch yet
    }

    private void closeWatcher() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.fine("closing watch service: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
