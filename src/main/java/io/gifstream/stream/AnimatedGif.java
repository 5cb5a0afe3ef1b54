package io.gifstream.stream;

import io.gifstream.gif.GifBlocks;
import io.gifstream.gif.StreamFrame;

/**
 * The endless animated GIF: the header, each frame with its own delay, or with the catch-up delay while
 * the viewer's browser is behind (see {@link PlaybackClock}), keep-alives as comments, and the trailer.
 */
final class AnimatedGif implements WireFormat {
    private final StreamCounters counters;
    private final PlaybackClock playback = new PlaybackClock();
    private boolean lastWasFrame;

    AnimatedGif(StreamCounters counters) {
        this.counters = counters;
    }

    @Override
    public byte[] bytesOf(Chunk chunk, long nowNanos) {
        lastWasFrame = chunk instanceof Chunk.Frame;
        if (chunk instanceof Chunk.Frame live) {
            return liveFrame(live.frame().gif(), nowNanos);
        } else if (chunk instanceof Chunk.Header start) {
            return start.header().bytes();
        } else if (chunk instanceof Chunk.Comment comment) {
            return comment.bytes();
        } else if (chunk instanceof Chunk.LastFrame last) {
            return last.frame().gif().bytes();
        }
        return GifBlocks.trailer();
    }

    @Override
    public void unblockedAt(long nowNanos) {
        if (lastWasFrame) {
            playback.lastFrameArrivedNoEarlierThan(nowNanos);
        }
    }

    private byte[] liveFrame(StreamFrame frame, long nowNanos) {
        if (playback.behind(nowNanos)) {
            playback.sent(nowNanos, StreamFrame.MIN_DELAY_CENTISECONDS);
            counters.framesCatchingUp.increment();
            return frame.catchUpBytes();
        }
        playback.sent(nowNanos, frame.delayCentiseconds());
        return frame.bytes();
    }
}
