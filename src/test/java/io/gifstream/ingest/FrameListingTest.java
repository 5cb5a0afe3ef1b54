package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one look at the directory reads the attributes of: only what the watcher can use. */
class FrameListingTest {
    @TempDir
    Path directory;

    @Test
    void holdsTheFilesAboveTheLastTakenInOrderAndTheLowestBelow() throws IOException {
        for (int number = 3; number <= 120; number++) {
            Files.write(directory.resolve("in" + number + ".gif"), new byte[0]);
        }
        Files.writeString(directory.resolve("in_7.gif"), "not a frame name");
        FrameListing listing = FrameListing.read(directory, 110);
        assertEquals(List.of(111L, 112L, 113L, 114L, 115L, 116L, 117L, 118L, 119L, 120L),
                listing.above().stream().map(FrameFile::number).toList());
        assertEquals(3L, listing.lowestBelow().orElseThrow().number());
    }

    @Test
    void linkIsListedAsNotARegularFile() throws IOException {
        Path target = Files.write(directory.resolve("target.bin"), new byte[10]);
        Files.createSymbolicLink(directory.resolve("in5.gif"), target);
        assertFalse(FrameListing.read(directory, 0).above().get(0).regularFile());
    }
}
