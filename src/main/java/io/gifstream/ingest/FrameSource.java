package io.gifstream.ingest;

/**
 * Something that produces frames into its channel's {@link FramePipeline} on its own thread until stopped:
 * a frame directory, the demo pattern, or another input built around the pipeline it is given.
 */
public interface FrameSource extends AutoCloseable {
    void start();

    /** What kind of source: "directory", "demo", … (shown in status). */
    String kind();

    String location();

    String state();

    /** Stops producing and waits for the source's thread to end. */
    @Override
    void close();
}
