package io.gifstream.ingest;

import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.SourceFrame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingests {@code in<N>.gif} files from a directory in numeric order, as a producer such as ffmpeg
 * writes them in place. Woken by the {@link WatchService}, with a periodic rescan for file systems
 * that send no notifications. A file counts once it parses through its trailer; one that stays
 * unusable is skipped once a later frame is complete and the grace time has passed.
 */
final class FrameDirectoryWatcher implements FrameSource, Runnable {
    private static final Logger LOG = Logger.getLogger(FrameDirectoryWatcher.class.getName());

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
                scan();
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

    /** Sleeps until the directory changes, or the rescan interval (shorter while a file is pending) passes. */
    private void awaitChange() throws InterruptedException {
        long timeout = pendingNumber >= 0 ? Math.min(rescanMillis, Math.max(10, graceNanos / 2_000_000)) : rescanMillis;
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
        List<FrameFile> files = list();
        if (firstScan) {
            firstScan = false;
            startAtNewest(files);
        }
        if (files.isEmpty()) {
            return;
        }
        detectProducerRestart(files);
        Map<Long, ParseResult> parsed = new HashMap<>();
        List<FrameFile> candidates = files.stream()
                .filter(f -> f.number() > lastNumber && f.modified().compareTo(staleUpTo) > 0)
                .toList();
        for (int i = 0; i < candidates.size() && running; i++) {
            FrameFile file = candidates.get(i);
            ParseResult result = parsed.computeIfAbsent(file.number(), n -> read(file));
            if (result instanceof SourceFrame frame) {
                pipeline.publish(frame);
                take(file);
                continue;
            }
            FrameRejected rejection = (FrameRejected) result;
            long now = System.nanoTime();
            if (pendingNumber != file.number()) {
                pendingNumber = file.number();
                pendingSinceNanos = now;
            }
            boolean graceOver = now - pendingSinceNanos >= graceNanos;
            boolean laterComplete = false;
            if (graceOver && i + 1 < candidates.size()) {
                FrameFile later = candidates.get(i + 1);
                laterComplete = parsed.computeIfAbsent(later.number(), n -> read(later)) instanceof SourceFrame;
            }
            if (!laterComplete) {
                return; // still being written, most likely: retry on the next change or rescan
            }
            pipeline.skip(file.name(), rejection);
            take(file);
        }
    }

    /** On start, or when the directory appears: earlier files are history, not frames to replay. */
    private void startAtNewest(List<FrameFile> files) {
        lastNumber = 0;
        lastModified = FileTime.fromMillis(0);
        staleUpTo = FileTime.fromMillis(0);
        retention.forgetAll();
        if (files.isEmpty()) {
            return;
        }
        FrameFile newest = files.get(files.size() - 1);
        lastNumber = newest.number() - 1;
        for (FrameFile old : files.subList(0, files.size() - 1)) {
            retention.keep(old);
            if (old.modified().compareTo(lastModified) > 0) {
                lastModified = old.modified();
            }
        }
    }

    /**
     * A producer that restarts writes in1.gif again: a file numbered below the last one taken but
     * written after it. (The last one taken itself may still show a later time: the producer can
     * finish and close it after we read it.)
     */
    private void detectProducerRestart(List<FrameFile> files) {
        for (FrameFile file : files) {
            if (file.number() >= lastNumber) {
                return;
            }
            if (file.modified().compareTo(lastModified) > 0) {
                LOG.info("producer restarted: " + file.name() + " is newer than frame " + lastNumber
                        + "; continuing from it");
                staleUpTo = lastModified;
                lastNumber = file.number() - 1;
                pendingNumber = -1;
                return;
            }
        }
    }

    private ParseResult read(FrameFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] bytes = in.readNBytes(maxBytes + 1); // the parser rejects anything longer by its size
            return pipeline.parse(bytes);
        } catch (IOException e) {
            return new FrameRejected("unreadable file: " + e, 0, false);
        }
    }

    private void take(FrameFile file) {
        FrameFile taken = new FrameFile(file.path(), file.number(), modifiedNow(file));
        lastNumber = taken.number();
        lastModified = taken.modified();
        pendingNumber = -1;
        retention.keep(taken);
    }

    /** The time of the file's last write now that we have read it; the listing may predate its last piece. */
    private static FileTime modifiedNow(FrameFile file) {
        try {
            return Files.getLastModifiedTime(file.path());
        } catch (IOException vanished) {
            return file.modified();
        }
    }

    private List<FrameFile> list() throws IOException {
        List<FrameFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "in*.gif")) {
            for (Path entry : entries) {
                var number = FrameFile.numberOf(entry);
                if (number.isEmpty()) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.add(new FrameFile(entry, number.get(), attributes.lastModifiedTime()));
                    }
                } catch (IOException vanished) {
                    // deleted between listing and reading its attributes
                }
            }
        }
        files.sort(Comparator.comparingLong(FrameFile::number));
        return files;
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
