package io.gifstream.stream;

import io.gifstream.gif.FrameParser;
import io.gifstream.gif.ParserLimits;
import io.gifstream.gif.SourceFrame;
import io.gifstream.gif.StreamFrame;
import io.gifstream.gif.StreamHeader;
import io.gifstream.testing.Fixtures;
import java.util.List;

/** Real ffmpeg frames encoded as one stream per screen size, as ingest would publish them. */
final class TestStreams {
    static final int DELAY_CENTISECONDS = 10;

    private TestStreams() {
    }

    /** The frames of one fixture size, all sharing one header, each with a 10 cs delay. */
    static List<StreamFrame> of(String size) {
        FrameParser parser = new FrameParser(new ParserLimits(10_000_000, 10_000_000));
        List<SourceFrame> sources = Fixtures.frames(size).stream().map(file -> (SourceFrame) parser.parse(file)).toList();
        StreamHeader header = StreamHeader.of(sources.get(0));
        return sources.stream().map(source -> StreamFrame.encode(header, source, DELAY_CENTISECONDS)).toList();
    }
}
