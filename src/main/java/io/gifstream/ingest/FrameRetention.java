package io.gifstream.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * Keeps the newest {@code retain} frame files that were taken (published or skipped) and deletes older
 * ones, so a 24/7 stream does not fill the disk; 0 keeps them all on disk and remembers none. Only files
 * it was given, and only while unchanged since: a restarted producer may have written a new file under
 * an old name.
 */
final class FrameRetention {
    private static final Logger LOG = Logger.getLogger(FrameRetention.class.getName());

    private final int retain;
    private final ArrayDeque<FrameFile> kept = new ArrayDeque<>();
    private final ThrottledWarning failures = new ThrottledWarning(LOG, Duration.ofMinutes(1),
            "could not delete old frame", "old frames not deleted", "old frames deleted again");

    FrameRetention(int retain) {
        this.retain = retain;
    }

    void keep(FrameFile file) {
        if (retain == 0) {
            return; // nothing will ever be deleted: remembering the files would only grow without bound
        }
        kept.add(file);
        while (kept.size() > retain) {
            delete(kept.removeFirst());
        }
    }

    /** Whether it ever deletes anything (retain above 0). */
    boolean deletes() {
        return retain > 0;
    }

    void forgetAll() {
        kept.clear();
    }

    /** How many taken files it remembers (to delete later). */
    int remembered() {
        return kept.size();
    }

    private void delete(FrameFile old) {
        try {
            if (Files.exists(old.path(), LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(old.path(), LinkOption.NOFOLLOW_LINKS).equals(old.modified())) {
                Files.delete(old.path());
                failures.succeeded(System.nanoTime());
            }
        } catch (IOException e) {
            failures.occurred(old.path() + ": " + e, System.nanoTime());
        }
    }
}
