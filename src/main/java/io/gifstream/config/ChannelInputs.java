package io.gifstream.config;

import java.util.List;

/**
 * The ffmpeg-fed channels and the ffmpeg that runs them, as loaded by {@link ChannelInputsLoader}.
 *
 * @param ffmpegPath the ffmpeg executable: a name looked up on the PATH, or a path
 * @param channels   in name order; empty when no channel has an input
 */
public record ChannelInputs(String ffmpegPath, List<ChannelInput> channels) {
    public ChannelInputs {
        channels = List.copyOf(channels);
    }
}
