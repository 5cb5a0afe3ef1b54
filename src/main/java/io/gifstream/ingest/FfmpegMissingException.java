package io.gifstream.ingest;

/** No ffmpeg to run for the channels that need one; the message says what to install or set. */
public final class FfmpegMissingException extends IllegalStateException {
    public FfmpegMissingException(String message) {
        super(message);
    }
}
