package io.gifstream.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the application, typed and validated once at startup by {@link ConfigLoader}.
 *
 * @param framesDir        where the producer writes {@code in<N>.gif}; empty: the built-in demo pattern
 * @param framesPerSecond  the producer's frame rate; sets each frame's display delay
 * @param retainFrames     consumed frame files kept on disk (0 keeps all)
 * @param maxFrameBytes    largest frame file accepted
 * @param maxFramePixels   largest frame area accepted
 * @param frameGrace       how long an unusable frame file may stay pending before it is skipped
 * @param rescanInterval   how often the directory is listed even without change notifications
 * @param preroll          recent history sent to a new viewer (zero: the newest frame only)
 * @param viewerBacklog    frames queued per viewer before the oldest are dropped
 * @param stallTimeout     how long a viewer may accept nothing before it is disconnected
 * @param keepAlive        pause in frames after which a comment block keeps proxies from timing out
 * @param maxViewers       viewers served at once; more get 503
 * @param maxViewersPerAddress viewers from one client address at once (0: no limit); more get 503
 * @param accessToken      when present, required on the stream, snapshot and status
 * @param frameAncestors   the CSP frame-ancestors sources allowed to embed the page
 * @param logForwardedFor  whether logs name a viewer by the client in X-Forwarded-For (behind a trusted proxy)
 * @param pageRecycle      how often the page opens a fresh connection (picks up a stream that ended unseen; retries the stream while showing snapshots)
 * @param maxFrameAge      how long {@code /health} may go without a new frame before it answers 503
 * @param statusDetails    whether {@code /status} shows everyone the operator fields (paths, skip reasons,
 *                         source errors, JVM figures); otherwise only what the page needs
 * @param maxChannels      named channels at once (subdirectories and configured inputs); more are refused
 * @param warmupRequests   loopback viewers the server plays to itself at startup before {@code /status} and
 *                         {@code /health} report it ready (0: no warm-up)
 * @param warmupCrowd      loopback viewers the warm-up then holds at once, so that a container that keeps
 *                         connection state for reuse has that many ready (0: none)
 */
public record GifstreamConfig(
        Optional<Path> framesDir,
        double framesPerSecond,
        int retainFrames,
        int maxFrameBytes,
        long maxFramePixels,
        Duration frameGrace,
        Duration rescanInterval,
        Duration preroll,
        int viewerBacklog,
        Duration stallTimeout,
        Duration keepAlive,
        int maxViewers,
        int maxViewersPerAddress,
        Optional<String> accessToken,
        String frameAncestors,
        boolean logForwardedFor,
        Duration pageRecycle,
        Duration maxFrameAge,
        boolean statusDetails,
        int maxChannels,
        int warmupRequests,
        int warmupCrowd) {

    /** Every setting, for the startup log, but never the access token itself. */
    @Override
    public String toString() {
        return "framesDir=" + framesDir.map(Path::toString).orElse("(demo)") + ", framesPerSecond=" + framesPerSecond
                + ", retainFrames=" + retainFrames + ", maxFrameBytes=" + maxFrameBytes + ", maxFramePixels=" + maxFramePixels
                + ", frameGrace=" + frameGrace + ", rescanInterval=" + rescanInterval + ", preroll=" + preroll
                + ", viewerBacklog=" + viewerBacklog + ", stallTimeout=" + stallTimeout + ", keepAlive=" + keepAlive
                + ", maxViewers=" + maxViewers + ", maxViewersPerAddress=" + maxViewersPerAddress
                + ", accessToken=" + (accessToken.isPresent() ? "(set)" : "(none)") + ", frameAncestors=" + frameAncestors
                + ", logForwardedFor=" + logForwardedFor + ", pageRecycle=" + pageRecycle
                + ", maxFrameAge=" + maxFrameAge + ", statusDetails=" + statusDetails
                + ", maxChannels=" + maxChannels + ", warmupRequests=" + warmupRequests
                + ", warmupCrowd=" + warmupCrowd;
    }
}
