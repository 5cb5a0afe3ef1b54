package io.gifstream.ingest;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file in the frame directory whose name matches the frame pattern {@code in<N>.gif}. */
record FrameFile(Path path, long number, FileTime modified) {
    private static final Pattern NAME = Pattern.compile("in(\\d{1,18})\\.gif");

    static Optional<Long> numberOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    String name() {
        return path.getFileName().toString();
    }
}
