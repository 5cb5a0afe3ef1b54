package io.gifstream.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * Keeps the newest {@code retain} frame files that were taken (published or skipped) and deletes older
 * ones, so a 24/7 stream does not fill the disk; 0 keeps them all. Only files it was given, and only
 * while unchanged since: a restarted producer may have written a new file under an old name.
 */
final class FrameRetention {
    private static final Logger LOG = Logger.getLogger(FrameRetention.class.getName());

    private final int retain;
    private final ArrayDeque<FrameFile> kept = new ArrayDeque<>();

    FrameRetention(int retain) {
        this.retain = retain;
    }

    void keep(FrameFile file) {
        kept.add(file);
        while (retain > 0 && kept.size() > retain) {
            delete(kept.removeFirst());
        }
    }

    void forgetAll() {
        kept.clear();
    }

    private static void delete(FrameFile old) {
        try {
            if (Files.exists(old.path()) && Files.getLastModifiedTime(old.path()).equals(old.modified())) {
                Files.delete(old.path());
            }
        } catch (IOException e) {
            LOG.warning("could not delete old frame " + old.path() + ": " + e);
        }
    }
}
