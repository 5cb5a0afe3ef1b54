package io.gifstream.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A log handler that keeps the message of every record it is given, for tests that read what was logged. */
public final class KeptLogMessages extends Handler {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    /** Every message so far, oldest first; a live view. */
    public List<String> messages() {
        return messages;
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing held
    }
}
