package io.gifstream.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file in the frame directory whose name matches the frame pattern {@code in<N>.gif}, with its
 * attributes as read without following a link: {@code regularFile} is false for a symbolic link (a
 * link is never a frame: it could point anywhere), a directory or a device.
 */
record FrameFile(Path path, long number, FileTime modified, boolean regularFile) {
    private static final Pattern NAME = Pattern.compile("in(\\d{1,18})\\.gif");

    static Optional<Long> numberOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** Reads the attributes of the file itself, never of a link's target; empty if it is gone. */
    static Optional<FrameFile> stat(Path path, long number) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FrameFile(path, number, attributes.lastModifiedTime(), attributes.isRegularFile()));
        } catch (IOException vanished) {
            return Optional.empty(); // deleted between listing and reading its attributes
        }
    }

    String name() {
        return path.getFileName().toString();
    }
}
