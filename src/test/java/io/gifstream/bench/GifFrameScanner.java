package io.gifstream.bench;

import java.util.zip.CRC32;

/**
 * Walks a GIF byte stream as it arrives, in pieces of any size, without buffering it: it checks the
 * block structure and reports each complete frame with a CRC of its LZW data, which identifies the
 * producer's file the frame came from (the stream copies LZW data verbatim). Works on a stream
 * ({@code /stream.gif}) and on a single frame file alike.
 */
final class GifFrameScanner {
    /** Called for each complete frame. */
    interface Listener {
        void frame(long lzwCrc);
    }

    private enum State { HEADER, SCREEN_TABLE, BLOCK, EXTENSION_LABEL, SUB_BLOCK_SIZE, SUB_BLOCK_DATA,
        DESCRIPTOR, LOCAL_TABLE, LZW_MIN_CODE, TRAILER_SEEN, FAILED }

    private final Listener listener;
    private State state = State.HEADER;
    private int needed = 13;
    private final byte[] small = new byte[13];
    private int filled;
    private boolean inImage;
    private final CRC32 crc = new CRC32();
    private String failure;

    GifFrameScanner(Listener listener) {
        this.listener = listener;
    }

    boolean failed() {
        return state == State.FAILED;
    }

    String failure() {
        return failure;
    }

    boolean ended() {
        return state == State.TRAILER_SEEN;
    }

    void feed(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.FAILED) {
            switch (state) {
                case HEADER, DESCRIPTOR -> {
                    int take = Math.min(needed - filled, end - i);
                    System.arraycopy(data, i, small, filled, take);
                    filled += take;
                    i += take;
                    if (filled == needed) {
                        filled = 0;
                        if (state == State.HEADER) {
                            header();
                        } else {
                            descriptor();
                        }
                    }
                }
                case SCREEN_TABLE, LOCAL_TABLE, SUB_BLOCK_DATA -> {
                    int take = Math.min(needed, end - i);
                    if (state == State.SUB_BLOCK_DATA && inImage) {
                        crc.update(data, i, take);
                    }
                    needed -= take;
                    i += take;
                    if (needed == 0) {
                        state = state == State.SCREEN_TABLE ? State.BLOCK
                                : state == State.LOCAL_TABLE ? State.LZW_MIN_CODE : State.SUB_BLOCK_SIZE;
                    }
                }
                case BLOCK -> block(data[i++] & 0xFF);
                case EXTENSION_LABEL -> {
                    i++;
                    state = State.SUB_BLOCK_SIZE;
                }
                case LZW_MIN_CODE -> {
                    crc.reset();
                    crc.update(data[i++] & 0xFF);
                    inImage = true;
                    state = State.SUB_BLOCK_SIZE;
                }
                case SUB_BLOCK_SIZE -> {
                    int size = data[i++] & 0xFF;
                    if (inImage) {
                        crc.update(size);
                    }
                    if (size == 0) {
                        if (inImage) {
                            inImage = false;
                            listener.frame(crc.getValue());
                        }
                        state = State.BLOCK;
                    } else {
                        needed = size;
                        state = State.SUB_BLOCK_DATA;
                    }
                }
                case TRAILER_SEEN -> fail("data after the trailer");
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void header() {
        if (small[0] != 'G' || small[1] != 'I' || small[2] != 'F') {
            fail("no GIF signature");
            return;
        }
        int flags = small[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            needed = 3 << ((flags & 7) + 1);
            state = State.SCREEN_TABLE;
        } else {
            state = State.BLOCK;
        }
    }

    private void descriptor() {
        int flags = small[8] & 0xFF;
        if ((flags & 0x80) != 0) {
            needed = 3 << ((flags & 7) + 1);
            state = State.LOCAL_TABLE;
        } else {
            state = State.LZW_MIN_CODE;
        }
    }

    private void block(int introducer) {
        switch (introducer) {
            case 0x21 -> state = State.EXTENSION_LABEL;
            case 0x2C -> {
                needed = 9;
                state = State.DESCRIPTOR;
            }
            case 0x3B -> state = State.TRAILER_SEEN;
            default -> fail(String.format("unexpected block 0x%02X", introducer));
        }
    }

    private void fail(String reason) {
        failure = reason;
        state = State.FAILED;
    }

    /** The LZW CRC of a single frame file. */
    static long crcOf(byte[] file) {
        long[] found = {-1};
        new GifFrameScanner(crc -> found[0] = crc).feed(file, 0, file.length);
        return found[0];
    }
}
