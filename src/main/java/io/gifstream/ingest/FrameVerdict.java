package io.gifstream.ingest;

import io.gifstream.gif.FrameRejected;
import io.gifstream.gif.ParseResult;
import io.gifstream.gif.SourceFrame;
import java.util.function.BooleanSupplier;

/** What the watcher does with the next frame file in numeric order. */
enum FrameVerdict {
    PUBLISH, SKIP, WAIT;

    /**
     * A complete frame is published; a file that can never become one is skipped at once. Only a valid
     * beginning of a GIF may be a file still being written (ffmpeg writes each file in place: empty, then
     * the header, then the image data), and it waits no longer than the grace, and not at all once a later
     * file is complete: the producer has moved on and will not come back to finish it.
     *
     * @param waitedNanos   how long this file has been waited for so far
     * @param laterComplete whether a later frame file parses complete; asked only when it matters
     */
    static FrameVerdict of(ParseResult result, long waitedNanos, long graceNanos, BooleanSupplier laterComplete) {
        if (result instanceof SourceFrame) {
            return PUBLISH;
        }
        FrameRejected rejection = (FrameRejected) result;
        if (!rejection.truncated() || waitedNanos >= graceNanos || laterComplete.getAsBoolean()) {
            return SKIP;
        }
        return WAIT;
    }
}
