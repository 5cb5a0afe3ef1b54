package io.gifstream.stream;

import java.nio.charset.StandardCharsets;

/**
 * A multipart/x-mixed-replace response of one-frame still GIFs, for browsers that animate a GIF only
 * once they have all of it (WebKit): each part replaces the picture on screen, so the browser keeps no
 * history and never plays late frames late. The boundary follows each part at once, because a browser
 * shows a part only when it sees the boundary after it. A keep-alive sends the picture on screen again
 * (nothing else may stand between parts), and the last part ends with the close delimiter.
 */
public final class MultipartStills implements WireFormat {
    private static final String BOUNDARY = "gifstream-still";
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;
    private static final byte[] OPENING = ascii("--" + BOUNDARY + "\r\n");
    private static final byte[] NOTHING = new byte[0];

    private byte[] lastPart = NOTHING;

    MultipartStills() {
    }

    /** One still as a part, with the delimiter after it: the next boundary, or the close delimiter if last. */
    static byte[] part(byte[] still, boolean last) {
        byte[] head = ascii("Content-Type: image/gif\r\nContent-Length: " + still.length + "\r\n\r\n");
        byte[] tail = ascii("\r\n--" + BOUNDARY + (last ? "--\r\n" : "\r\n"));
        byte[] part = new byte[head.length + still.length + tail.length];
        System.arraycopy(head, 0, part, 0, head.length);
        System.arraycopy(still, 0, part, head.length, still.length);
        System.arraycopy(tail, 0, part, head.length + still.length, tail.length);
        return part;
    }

    @Override
    public byte[] bytesOf(Chunk chunk, long nowNanos) {
        if (chunk instanceof Chunk.Frame live) {
            lastPart = live.frame().stillPart();
            return lastPart;
        } else if (chunk instanceof Chunk.Header) {
            return OPENING;
        } else if (chunk instanceof Chunk.Comment) {
            return lastPart;
        } else if (chunk instanceof Chunk.LastFrame last) {
            return last.frame().stillPart();
        }
        return NOTHING; // the trailer of a stream that ended before its first frame
    }

    /** The last part carries the close delimiter: nothing is owed after it. */
    @Override
    public boolean endsWith(Chunk chunk) {
        return chunk instanceof Chunk.LastFrame || chunk instanceof Chunk.Trailer;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
