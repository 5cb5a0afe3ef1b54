package io.gifstream.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One look at the frame directory for the watcher. Every name is read, but attributes only of the files
 * that matter — those numbered above the last one taken, and the lowest-numbered one below it (a restarted
 * producer writes {@code in1.gif} first) — so a directory that keeps every frame (retention 0) costs
 * each change a directory read, not a stat of every file it ever held.
 *
 * @param above       the files numbered above the last one taken, in numeric order
 * @param lowestBelow the lowest-numbered file below the last one taken, if any
 */
record FrameListing(List<FrameFile> above, Optional<FrameFile> lowestBelow) {

    static FrameListing read(Path directory, long lastTaken) throws IOException {
        TreeMap<Long, Path> above = new TreeMap<>();
        TreeMap<Long, Path> lowestBelow = new TreeMap<>();
        forEachName(directory, (number, path) -> {
            if (number > lastTaken) {
                above.put(number, path);
            } else if (number < lastTaken && (lowestBelow.isEmpty() || number < lowestBelow.firstKey())) {
                lowestBelow.clear();
                lowestBelow.put(number, path);
            }
        });
        List<FrameFile> files = new ArrayList<>();
        above.forEach((number, path) -> FrameFile.stat(path, number).ifPresent(files::add));
        Optional<FrameFile> lowest = lowestBelow.isEmpty() ? Optional.empty()
                : FrameFile.stat(lowestBelow.firstEntry().getValue(), lowestBelow.firstKey());
        return new FrameListing(files, lowest);
    }

    /** Every {@code in<N>.gif} by number; names only (a directory read does not stat its entries). */
    static TreeMap<Long, Path> names(Path directory) throws IOException {
        TreeMap<Long, Path> names = new TreeMap<>();
        forEachName(directory, names::put);
        return names;
    }

    private static void forEachName(Path directory, BiConsumer<Long, Path> action) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "in*.gif")) {
            for (Path entry : entries) {
                FrameFile.numberOf(entry).ifPresent(number -> action.accept(number, entry));
            }
        }
    }
}
