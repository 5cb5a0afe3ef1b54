package io.gifstream.ingest;

import io.gifstream.config.ChannelInputsLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The startup check for channels fed by ffmpeg: that the configured ffmpeg runs at all. */
public final class FfmpegInstallation {
    private static final long VERSION_TIMEOUT_SECONDS = 10;

    private FfmpegInstallation() {
    }

    /**
     * Runs {@code <ffmpegPath> -version}.
     *
     * @return the first line it prints, e.g. "ffmpeg version 5.1.6-0+deb12u1 …", for the startup log
     * @throws FfmpegMissingException when it cannot be run or fails, saying what to install or set
     */
    public static String require(String ffmpegPath) {
        String advice = ": install it (Debian/Ubuntu: apt-get install ffmpeg) or set " + ChannelInputsLoader.FFMPEG_PATH
                + " to its full path; it is needed for the channels with a " + ChannelInputsLoader.CHANNELS_PREFIX
                + "<name>." + ChannelInputsLoader.INPUT;
        Process process;
        try {
            process = new ProcessBuilder(List.of(ffmpegPath, "-hide_banner", "-version"))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new FfmpegMissingException("ffmpeg was not found at '" + ffmpegPath + "' (" + e.getMessage() + ")" + advice);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            String output = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                    || !output.startsWith("ffmpeg version")) {
                throw new FfmpegMissingException("'" + ffmpegPath + " -version' did not answer as ffmpeg does"
                        + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + advice);
            }
            return output.lines().findFirst().orElse("ffmpeg");
        } catch (IOException e) {
            throw new FfmpegMissingException("'" + ffmpegPath + " -version' failed (" + e.getMessage() + ")" + advice);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegMissingException("interrupted while checking '" + ffmpegPath + "'" + advice);
        } finally {
            process.destroyForcibly();
        }
    }
}
