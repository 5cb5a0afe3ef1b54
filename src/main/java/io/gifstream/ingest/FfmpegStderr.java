package io.gifstream.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an ffmpeg's stderr to its end on a thread of its own (a full pipe would stop ffmpeg), keeps
 * the last line for the state shown in status, and logs the lines through a {@link ThrottledWarning},
 * so a camera that complains with every packet costs a line a minute. Lines are cut at
 * {@link #MAX_LINE} characters.
 */
final class FfmpegStderr implements Runnable {
    static final int MAX_LINE = 300;

    private final InputStream stderr;
    private final ThrottledWarning log;
    private volatile String lastLine;

    /** @param log used by this drain's thread only while it runs */
    FfmpegStderr(InputStream stderr, ThrottledWarning log) {
        this.stderr = stderr;
        this.log = log;
    }

    /** The newest line ffmpeg wrote, or null. */
    String lastLine() {
        return lastLine;
    }

    @Override
    public void run() {
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[4096];
        try (stderr) {
            int read;
            while ((read = stderr.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    char c = (char) (buffer[i] & 0xFF);
                    if (c == '\n' || c == '\r') {
                        endLine(line);
                    } else if (line.length() < MAX_LINE) {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed and its pipe closed: nothing more to read
        }
        endLine(line);
    }

    private void endLine(StringBuilder line) {
        String text = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        line.setLength(0);
        if (!text.isEmpty()) {
            lastLine = text;
            log.occurred(text, System.nanoTime());
        }
    }
}
