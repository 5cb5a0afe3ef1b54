package io.gifstream.ingest;

import io.gifstream.config.ChannelInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg command line for one channel: read the input in real time, drop audio, scale and set the
 * rate, give every frame its own palette, and write each frame as a complete GIF to stdout.
 */
final class FfmpegCommand {
    /** Width a source is scaled down to when no size is set: a camera's full resolution makes large GIFs. */
    static final int DEFAULT_MAX_WIDTH = 640;

    private FfmpegCommand() {
    }

    static List<String> of(String ffmpegPath, ChannelInput channel) {
        List<String> command = new ArrayList<>(List.of(ffmpegPath, "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "error"));
        switch (channel.kind()) {
            case FILE -> {
                command.add("-re"); // at the file's own pace, not as fast as it decodes
                if (channel.loop()) {
                    command.addAll(List.of("-stream_loop", "-1"));
                }
            }
            case LAVFI -> command.addAll(List.of("-re", "-f", "lavfi"));
            case DEVICE -> command.addAll(List.of("-f", "v4l2")); // devices are not probed: name the demuxer
            case ADDRESS -> {
                if (channel.input().regionMatches(true, 0, "rtsp", 0, 4)) {
                    command.addAll(List.of("-rtsp_transport", "tcp")); // UDP loses packets through NAT and firewalls
                }
            }
        }
        command.addAll(List.of("-i", channel.input(), "-an", "-vf", filter(channel),
                "-f", "image2pipe", "-c:v", "gif", "-gifimage", "1", "-"));
        return command;
    }

    /**
     * fps and scale, then the frame split in two: one copy makes a palette of its own colors
     * (stats_mode=single), which the other is mapped to (new=1: a new palette for every frame).
     */
    static String filter(ChannelInput channel) {
        String scale = channel.size()
                .map(size -> "scale=" + size.width() + ":" + size.height())
                .orElse("scale='min(" + DEFAULT_MAX_WIDTH + ",iw)':-2");
        return "fps=" + rate(channel.framesPerSecond()) + "," + scale + ":flags=lanczos,split[a][b];"
                + "[a]palettegen=max_colors=" + channel.colors() + ":stats_mode=single[p];"
                + "[b][p]paletteuse=new=1";
    }

    private static String rate(double framesPerSecond) {
        return framesPerSecond == Math.rint(framesPerSecond)
                ? String.valueOf((long) framesPerSecond)
                : String.format(Locale.ROOT, "%.3f", framesPerSecond);
    }
}
