package io.gifstream.channel;

import io.gifstream.ingest.Ingest;
import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.Broadcaster;
import io.gifstream.stream.StreamStats;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live picture: its name, the broadcaster its viewers watch, and the ingest that feeds it. Status,
 * health and metrics of a channel read exactly {@link #stats()} and {@link #status()}.
 */
public final class Channel implements AutoCloseable {
    private final String name;
    private final Broadcaster broadcaster;
    private final Ingest ingest;
    private final AtomicBoolean closed = new AtomicBoolean();

    Channel(String name, Broadcaster broadcaster, Ingest ingest) {
        this.name = name;
        this.broadcaster = broadcaster;
        this.ingest = ingest;
    }

    public String name() {
        return name;
    }

    public Broadcaster broadcaster() {
        return broadcaster;
    }

    public StreamStats stats() {
        return broadcaster.stats();
    }

    public IngestStatus status() {
        return ingest.status();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the ingest first, so no frame arrives after the end, then ends every viewer's stream with
     * its trailer, as at undeploy (see {@link Broadcaster#close()}). Once: later calls return at once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            ingest.close();
        } finally {
            broadcaster.close();
        }
    }

    @Override
    public String toString() {
        return "channel " + name;
    }
}
