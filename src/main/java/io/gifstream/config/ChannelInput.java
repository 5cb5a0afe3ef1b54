package io.gifstream.config;

import java.net.URI;
import java.util.Optional;

/**
 * One channel fed by an ffmpeg that gifstream runs itself, validated by {@link ChannelInputsLoader}.
 *
 * @param name            the channel name, {@code [a-z0-9][a-z0-9_-]{0,31}}, never {@code default}
 * @param input           what ffmpeg reads: an absolute file path, a device path, an address, or a
 *                        lavfi filtergraph (without its {@code lavfi:} prefix)
 * @param kind            which of these the input is
 * @param size            the frame size ffmpeg scales to; empty: the source's, at most 640 wide
 * @param framesPerSecond the rate ffmpeg emits frames at
 * @param colors          the most colors of each frame's own palette (4 to 256)
 * @param loop            whether a file input starts again at its end
 */
public record ChannelInput(
        String name,
        String input,
        Kind kind,
        Optional<FrameSize> size,
        double framesPerSecond,
        int colors,
        boolean loop) {

    /** How ffmpeg is told to read the input. */
    public enum Kind { FILE, DEVICE, ADDRESS, LAVFI }

    /** A frame size in pixels. */
    public record FrameSize(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** The input for logs and status: an address without the user name and password it may carry. */
    public String displayedInput() {
        if (kind == Kind.LAVFI) {
            return "lavfi:" + input;
        }
        if (kind != Kind.ADDRESS) {
            return input;
        }
        URI uri = URI.create(input);
        if (uri.getRawUserInfo() == null) {
            return input;
        }
        return uri.getScheme() + "://***@" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public String toString() {
        return name + ": " + displayedInput() + " (" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ", size " + size.map(FrameSize::toString).orElse("of the source") + ", " + framesPerSecond
                + " fps, " + colors + " colors" + (loop ? ", looping" : "") + ")";
    }
}
