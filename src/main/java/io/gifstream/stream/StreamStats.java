package io.gifstream.stream;

/** A snapshot of the broadcaster's state for {@code /status}. */
public record StreamStats(
        int viewers,
        long viewersJoined,
        long viewersDisconnectedStalled,
        long viewersRejected,
        long framesPublished,
        long framesSent,
        long framesDropped,
        long framesCatchingUp,
        long bytesSent,
        long keepAlivesSent,
        int width,
        int height) {
}
