package io.gifstream.ingest;

/** Something that produces frames into the pipeline on its own thread until stopped. */
interface FrameSource extends AutoCloseable {
    void start();

    /** "directory" or "demo". */
    String kind();

    String location();

    String state();

    /** Stops producing and waits for the source's thread to end. */
    @Override
    void close();
}
