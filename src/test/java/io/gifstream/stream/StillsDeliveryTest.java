package io.gifstream.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.gif.StreamFrame;
import io.gifstream.testing.Fixtures;
import io.gifstream.testing.MultipartReader;
import io.gifstream.testing.Pixels;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Viewers of stills: one complete still GIF per part, the newest picture first and always, a clean end. */
class StillsDeliveryTest {
    private static final long MS = 1_000_000L;
    private static final List<StreamFrame> SMALL = TestStreams.of(Fixtures.SMALL);
    private static final List<StreamFrame> MEDIUM = TestStreams.of(Fixtures.MEDIUM);

    private long now = 1_000 * MS;
    // a backlog of 10 and a 3 s preroll for the GIF viewers: stills viewers take neither
    private final Broadcaster broadcaster = new Broadcaster(new StreamSettings(10, Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(3), 10, 0), () -> now, Duration.ofSeconds(1));

    private ScriptedSink joinStills(String name) {
        ScriptedSink sink = new ScriptedSink(name, new Random(3), () -> now, 1).receivingStills();
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.joinStills(sink, "10.0.0.1", name);
        sink.start();
        return sink;
    }

    private void publish(StreamFrame frame) {
        now += 100 * MS;
        broadcaster.publish(frame);
    }

    private static MultipartReader read(ScriptedSink sink) {
        return MultipartReader.of(sink.bytesReceived());
    }

    @Test
    void eachFrameIsOnePartHoldingItsStillFollowedAtOnceByTheBoundary() {
        publish(SMALL.get(0));
        publish(SMALL.get(1));
        ScriptedSink sink = joinStills("viewer");
        for (int i = 2; i < 6; i++) {
            publish(SMALL.get(i));
        }

        MultipartReader stills = read(sink);
        assertEquals(0, stills.pendingBytes(), "every part is complete as soon as it is written");
        assertEquals(5, stills.parts().size(), "the newest frame on joining, without the preroll, then each frame");
        for (int i = 0; i < 5; i++) {
            byte[] part = stills.parts().get(i);
            assertArrayEquals(SMALL.get(i + 1).asStill(), part);
            assertEquals(1, Pixels.frameCount(part), "part " + i + " is a one-frame GIF");
        }
        assertFalse(stills.closed());
        assertEquals(5, broadcaster.stats().framesSent());
    }

    @Test
    void aBusyConnectionGetsOnlyTheNewestFrameWhenItCanTakeMore() {
        publish(SMALL.get(0));
        ScriptedSink sink = new ScriptedSink("busy", new Random(3), () -> now, 0).receivingStills();
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.joinStills(sink, "10.0.0.1", "busy");
        sink.start(); // takes the opening boundary, then is busy
        for (int i = 1; i < 8; i++) {
            publish(SMALL.get(i));
        }
        while (sink.owesWritePossible()) {
            sink.writePossible();
        }

        MultipartReader stills = read(sink);
        assertEquals(List.of(7), stills.parts().stream().map(StillsDeliveryTest::indexInSmall).toList(),
                "the frames that came while it was busy were replaced by the newest one");
        assertEquals(7, broadcaster.stats().framesDropped());
    }

    @Test
    void aPauseInFramesRepeatsThePictureOnScreenAsTheKeepAlive() {
        publish(SMALL.get(0));
        ScriptedSink sink = joinStills("viewer");
        publish(SMALL.get(1));

        now += 2_500 * MS;
        broadcaster.tick();

        MultipartReader stills = read(sink);
        assertEquals(3, stills.parts().size());
        assertArrayEquals(SMALL.get(1).asStill(), stills.parts().get(2), "the newest picture again");
        assertEquals(1, broadcaster.stats().keepAlivesSent());
        assertEquals(2, broadcaster.stats().framesSent(), "a keep-alive is no frame");
    }

    @Test
    void shutdownEndsWithTheNewestPictureAndTheCloseDelimiter() {
        publish(SMALL.get(0));
        ScriptedSink sink = joinStills("viewer");
        publish(SMALL.get(1));

        broadcaster.close();

        MultipartReader stills = read(sink);
        assertTrue(stills.closed(), "the body ends with the close delimiter");
        assertEquals(3, stills.parts().size());
        assertArrayEquals(SMALL.get(1).asStill(), stills.parts().get(2), "the picture left on screen");
        assertTrue(sink.completedByViewer());
        assertEquals(0, broadcaster.stats().viewers());
    }

    @Test
    void aResponseAskedToLastEndsByItselfWithTheNewestPictureAndTheOthersGoOn() {
        publish(SMALL.get(0));
        ScriptedSink lasting = new ScriptedSink("lasting", new Random(3), () -> now, 1).receivingStills();
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.joinStills(lasting, "10.0.0.1", "lasting", Duration.ofSeconds(3));
        lasting.start();
        ScriptedSink endless = joinStills("endless");
        for (int i = 1; i < 20; i++) {
            publish(SMALL.get(i % SMALL.size()));
            broadcaster.tick();
        }
        // 19 frames 100 ms apart: 1.9 s have passed
        assertFalse(read(lasting).closed(), "not before its time");
        now += 1_200 * MS;
        broadcaster.tick();

        MultipartReader stills = read(lasting);
        assertTrue(stills.closed(), "ended with the close delimiter after 3 s");
        assertArrayEquals(SMALL.get(19 % SMALL.size()).asStill(), stills.parts().get(stills.parts().size() - 1));
        assertTrue(lasting.completedByViewer(), "the server closed it");
        assertFalse(read(endless).closed());
        assertEquals(1, broadcaster.stats().viewers(), "the endless one goes on");
    }

    @Test
    void theResponseCompletesOnlyOnceTheConnectionTookTheLastPart() {
        publish(SMALL.get(0));
        // never ready on its own: one write per onWritePossible, as a connection busy with each part
        ScriptedSink sink = new ScriptedSink("busy", new Random(3), () -> now, 0).receivingStills();
        assertTrue(broadcaster.reserveSeat("10.0.0.1"));
        broadcaster.joinStills(sink, "10.0.0.1", "busy");
        sink.start();
        while (sink.owesWritePossible()) {
            sink.writePossible();
        }

        publish(MEDIUM.get(0)); // ends the stream: the last part follows
        sink.writePossible();
        assertTrue(read(sink).closed(), "the last part with the close delimiter is written");
        assertFalse(sink.completedByViewer(), "not completed while that write may still be pending");

        sink.writePossible();
        assertTrue(sink.completedByViewer(), "completed once the connection took it");
        assertEquals(0, broadcaster.stats().viewers());
    }

    @Test
    void aNewScreenSizeEndsTheStillsLikeTheGifWhileAGifViewerBesideItKeepsEveryFrame() {
        publish(SMALL.get(0));
        ScriptedSink stillsSink = joinStills("stills");
        ScriptedSink gifSink = new ScriptedSink("gif", new Random(4), () -> now, 1);
        assertTrue(broadcaster.reserveSeat("10.0.0.2"));
        broadcaster.join(gifSink, "10.0.0.2", "gif", Duration.ZERO);
        gifSink.start();
        publish(SMALL.get(1));
        publish(SMALL.get(2));

        publish(MEDIUM.get(0));

        MultipartReader stills = read(stillsSink);
        assertTrue(stills.closed());
        assertArrayEquals(SMALL.get(2).asStill(), stills.parts().get(stills.parts().size() - 1));
        assertTrue(stillsSink.completedByViewer());
        assertEquals(3, gifSink.received.liveFrames(), "the GIF viewer got every frame");
        assertTrue(gifSink.received.trailerSeen() && gifSink.completedByViewer());
    }

    private static int indexInSmall(byte[] still) {
        for (int i = 0; i < SMALL.size(); i++) {
            if (java.util.Arrays.equals(SMALL.get(i).asStill(), still)) {
                return i;
            }
        }
        return -1;
    }
}
