package io.gifstream.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The real ffmpeg frames under src/test/resources/frames. */
public final class Fixtures {
    public static final String SMALL = "159x97";
    public static final String MEDIUM = "320x240";

    private Fixtures() {
    }

    public static Path folder(String size) {
        try {
            return Path.of(Fixtures.class.getResource("/frames/" + size).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code in1.gif, in2.gif, …} in numeric order. */
    public static List<Path> frameFiles(Path folder) {
        try (var files = Pixels.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("in\\d+\\.gif"))
                    .sorted(Comparator.comparingInt(Fixtures::number))
                    .toList();
        }
    }

    public static List<byte[]> frames(String size) {
        return frameFiles(folder(size)).stream().map(Pixels::read).toList();
    }

    /** Offset of the image separator (0x2C) of a single-image GIF file: after the screen, its table and the extensions. */
    public static int imageSeparatorOffset(byte[] file) {
        int position = 13 + ((file[10] & 0x80) != 0 ? 3 << ((file[10] & 7) + 1) : 0);
        while (file[position] == 0x21) {
            position += 2;
            while (file[position] != 0) {
                position += (file[position] & 0xFF) + 1;
            }
            position++;
        }
        return position;
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(2, name.length() - 4));
    }
}
