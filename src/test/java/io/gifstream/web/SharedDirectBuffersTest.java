package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SharedDirectBuffersTest {
    private final SharedDirectBuffers buffers = new SharedDirectBuffers();

    @Test
    void anArrayWrittenAgainGoesOutFromOneDirectCopy() {
        byte[] frame = bytes(3_000, 7);
        ByteBuffer first = buffers.forWrite(frame);
        ByteBuffer second = buffers.forWrite(frame);
        ByteBuffer third = buffers.forWrite(frame);

        assertFalse(first.isDirect(), "the first write of an array is not worth a copy");
        assertTrue(second.isDirect());
        assertTrue(third.isDirect());
        assertEquals(ByteBuffer.wrap(frame), second);
        assertEquals(ByteBuffer.wrap(frame), third);
    }

    @Test
    void eachWriteHasItsOwnPositionOverTheSharedCopy() {
        byte[] frame = bytes(100, 1);
        buffers.forWrite(frame);
        ByteBuffer oneViewer = buffers.forWrite(frame);
        ByteBuffer another = buffers.forWrite(frame);

        oneViewer.position(60); // a partial write leaves its view part-way
        assertEquals(0, another.position());
        assertEquals(100, another.remaining());
        assertTrue(another.isReadOnly(), "no writer may change what the others send");
    }

    @Test
    void arraysOnlyOneViewerWritesAreNeverCopied() {
        for (int i = 0; i < 50; i++) {
            assertFalse(buffers.forWrite(bytes(64, i)).isDirect());
        }
    }

    @Test
    void severalStreamsKeepTheirCopiesAndAnOldOneGivesWayToNewOnes() {
        byte[] oldest = bytes(10, 0);
        buffers.forWrite(oldest);
        buffers.forWrite(oldest);
        byte[][] streams = new byte[8][];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = bytes(10, i + 1);
            buffers.forWrite(streams[i]);
            buffers.forWrite(streams[i]);
        }
        for (byte[] stream : streams) {
            assertTrue(buffers.forWrite(stream).isDirect());
        }
        assertFalse(buffers.forWrite(oldest).isDirect(), "its copy was let go for the newer ones");
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
