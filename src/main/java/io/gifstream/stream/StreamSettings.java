package io.gifstream.stream;

import java.time.Duration;

/**
 * How the broadcaster treats its viewers.
 *
 * @param backlogFrames frames a viewer may have queued before the oldest are dropped
 * @param stallTimeout  how long a viewer's connection may accept nothing before it is disconnected
 * @param keepAlive     pause in frames after which a comment block goes out to keep proxies from timing out
 * @param preroll       how much recent history a new viewer gets; zero means the newest frame only
 * @param maxViewers    viewers served at once
 * @param maxViewersPerAddress viewers from one client address at once; 0 for no limit
 */
public record StreamSettings(int backlogFrames, Duration stallTimeout, Duration keepAlive, Duration preroll,
                             int maxViewers, int maxViewersPerAddress) {
    public StreamSettings {
        if (backlogFrames < 1) {
            throw new IllegalArgumentException("backlog must hold at least one frame");
        }
    }
}
