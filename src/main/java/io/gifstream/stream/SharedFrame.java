package io.gifstream.stream;

import io.gifstream.gif.StreamFrame;

/**
 * A published frame in every form a viewer takes, each encoded once and shared by all viewers: the
 * animated GIF's frame (with its catch-up copy) and the same picture as one part of a multipart
 * response of stills.
 */
record SharedFrame(StreamFrame gif, byte[] stillPart) {

    /** A live frame. */
    static SharedFrame of(StreamFrame frame) {
        return new SharedFrame(frame, MultipartStills.part(frame.asStill(), false));
    }

    /**
     * The last frame of an ending stream: the newest picture shown for as long as a GIF can say, so that
     * it stays on screen, and as the part that closes a multipart response.
     */
    static SharedFrame ending(StreamFrame newest) {
        return new SharedFrame(newest.withDelay(StreamFrame.MAX_DELAY_CENTISECONDS),
                MultipartStills.part(newest.asStill(), true));
    }
}
