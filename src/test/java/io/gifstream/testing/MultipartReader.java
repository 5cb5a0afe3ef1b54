package io.gifstream.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/x-mixed-replace body of gifstream's stills as it arrives, strictly: the opening
 * boundary, then parts of {@code Content-Type: image/gif} with a {@code Content-Length} that matches,
 * each followed at once by the next boundary or the close delimiter. Anything else fails at once.
 */
public final class MultipartReader {
    private static final String BOUNDARY = "gifstream-still";
    private static final byte[] OPENING = ascii("--" + BOUNDARY + "\r\n");
    private static final byte[] NEXT = ascii("\r\n--" + BOUNDARY + "\r\n");
    private static final byte[] CLOSE = ascii("\r\n--" + BOUNDARY + "--\r\n");
    private static final Pattern LENGTH = Pattern.compile("(?im)^Content-Length: (\\d+)$");

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<byte[]> parts = new ArrayList<>();
    private boolean opened;
    private boolean closed;

    /** Reads a whole body at once. */
    public static MultipartReader of(byte[] body) {
        MultipartReader reader = new MultipartReader();
        reader.feed(body);
        return reader;
    }

    /** Reads from a response body until there are this many parts, or the close delimiter arrived. */
    public MultipartReader readFrom(InputStream body, int parts) throws IOException {
        byte[] buffer = new byte[8192];
        while (parts().size() < parts && !closed) {
            int read = body.read(buffer);
            if (read < 0) {
                throw new AssertionError("the response ended after " + parts().size() + " parts, without the close delimiter");
            }
            feed(Arrays.copyOf(buffer, read));
        }
        return this;
    }

    public void feed(byte[] bytes) {
        if (closed && bytes.length > 0) {
            throw new AssertionError("bytes after the close delimiter");
        }
        pending.writeBytes(bytes);
        byte[] b = pending.toByteArray();
        int at = 0;
        int read;
        while ((read = next(b, at)) > 0) {
            at += read;
        }
        pending.reset();
        pending.write(b, at, b.length - at);
    }

    // bytes consumed by the next complete item at {@code at}, or 0 if it has not all arrived yet
    private int next(byte[] b, int at) {
        if (closed) {
            return 0;
        }
        if (!opened) {
            if (b.length - at < OPENING.length) {
                return 0;
            }
            expect(b, at, OPENING, "the opening boundary");
            opened = true;
            return OPENING.length;
        }
        int headersEnd = indexOf(b, ascii("\r\n\r\n"), at);
        if (headersEnd < 0) {
            if (b.length - at > 1000) {
                throw new AssertionError("part headers longer than 1000 bytes");
            }
            return 0;
        }
        String headers = new String(b, at, headersEnd - at, StandardCharsets.US_ASCII);
        if (!headers.toLowerCase().contains("content-type: image/gif")) {
            throw new AssertionError("a part that is not image/gif: " + headers);
        }
        Matcher length = LENGTH.matcher(headers);
        if (!length.find()) {
            throw new AssertionError("a part without Content-Length: " + headers);
        }
        int bodyStart = headersEnd + 4;
        int bodyLength = Integer.parseInt(length.group(1));
        int delimiterStart = bodyStart + bodyLength;
        if (b.length < delimiterStart + NEXT.length) {
            return 0;
        }
        boolean last = b.length >= delimiterStart + CLOSE.length && startsWith(b, delimiterStart, CLOSE);
        if (!last) {
            expect(b, delimiterStart, NEXT, "the boundary right after a part of " + bodyLength + " bytes");
        }
        byte[] body = new byte[bodyLength];
        System.arraycopy(b, bodyStart, body, 0, bodyLength);
        parts.add(body);
        closed = last;
        return delimiterStart + (last ? CLOSE.length : NEXT.length) - at;
    }

    /** The bodies of the complete parts so far, in order. */
    public List<byte[]> parts() {
        return parts;
    }

    /** True once the close delimiter arrived. */
    public boolean closed() {
        return closed;
    }

    /** Bytes received that are not yet a complete part. */
    public int pendingBytes() {
        return pending.size();
    }

    private static void expect(byte[] b, int at, byte[] expected, String what) {
        if (!startsWith(b, at, expected)) {
            throw new AssertionError("expected " + what + " at byte " + at);
        }
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        for (int i = from; i <= b.length - needle.length; i++) {
            if (startsWith(b, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
