package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.SourceFrame;
import io.gifstream.gif.StreamFrame;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePipelineTest {
    private final List<StreamFrame> published = new ArrayList<>();
    private final FramePipeline pipeline = new FramePipeline(
            new FrameParser(new ParserLimits(1 << 20, 1 << 20)), published::add, 10);

    @Test
    void ageOfTheLastFrameIsUnknownBeforeTheFirstAndCountsFromItsPublication() throws IOException {
        assertEquals(-1, pipeline.secondsSinceLastFrame());
        pipeline.publish((SourceFrame) pipeline.parse(fixture("frames/159x97/in1.gif")));
        double age = pipeline.secondsSinceLastFrame();
        assertTrue(age >= 0 && age < 60, "seconds since the last frame: " + age);
        assertEquals(1, published.size());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FramePipelineTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
