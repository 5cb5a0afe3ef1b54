package io.gifstream.ingest;

import io.gifstream.gif.IndexedImage;
import java.time.LocalTime;

/**
 * The built-in demo picture: colour bars, a square sweeping across them one step per frame and a
 * seven-segment wall clock with tenths, so a viewer sees at a glance that the stream is live.
 * Drawn with rectangles only: no fonts, which a headless server may not have.
 */
final class TestPattern {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private static final int WHITE = 1;
    private static final int PANEL = 10;
    private static final byte[] PALETTE = {
            0, 0, 0, (byte) 255, (byte) 255, (byte) 255,
            (byte) 192, (byte) 192, (byte) 192, (byte) 192, (byte) 192, 0, 0, (byte) 192, (byte) 192,
            0, (byte) 192, 0, (byte) 192, 0, (byte) 192, (byte) 192, 0, 0, 0, 0, (byte) 192,
            (byte) 255, (byte) 128, 0, 32, 32, 48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };
    private static final int FIRST_BAR_COLOR = 2;
    private static final int BAR_COLORS = 7;
    private static final int SQUARE = 9;

    // segments a (top), b (top right), c (bottom right), d (bottom), e (bottom left), f (top left), g (middle)
    private static final int[] DIGIT_SEGMENTS = {
            0b1111110, 0b0110000, 0b1101101, 0b1111001, 0b0110011,
            0b1011011, 0b1011111, 0b1110000, 0b1111111, 0b1111011,
    };
    private static final int DIGIT_WIDTH = 22;
    private static final int DIGIT_HEIGHT = 44;
    private static final int STROKE = 5;

    private final byte[] pixels = new byte[WIDTH * HEIGHT];

    IndexedImage render(long frameNumber, LocalTime time) {
        int barsHeight = HEIGHT * 3 / 5;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                pixels[y * WIDTH + x] = (byte) (y < barsHeight ? FIRST_BAR_COLOR + x * BAR_COLORS / WIDTH : PANEL);
            }
        }
        int square = 40;
        int travel = WIDTH - square;
        int step = (int) (frameNumber * 8 % (2L * travel));
        int left = step < travel ? step : 2 * travel - step;
        fill(left, (barsHeight - square) / 2, square, square, SQUARE);
        drawClock(time, barsHeight + (HEIGHT - barsHeight - DIGIT_HEIGHT) / 2);
        return new IndexedImage(WIDTH, HEIGHT, PALETTE, pixels.clone());
    }

    private void drawClock(LocalTime time, int top) {
        String text = String.format("%02d:%02d:%02d.%d", time.getHour(), time.getMinute(), time.getSecond(),
                time.getNano() / 100_000_000);
        int advance = DIGIT_WIDTH + 8;
        int width = 0;
        for (char c : text.toCharArray()) {
            width += Character.isDigit(c) ? advance : 12;
        }
        int x = (WIDTH - width) / 2;
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                drawDigit(c - '0', x, top);
                x += advance;
            } else if (c == ':') {
                fill(x + 2, top + DIGIT_HEIGHT / 4, STROKE, STROKE, WHITE);
                fill(x + 2, top + DIGIT_HEIGHT * 3 / 4 - STROKE, STROKE, STROKE, WHITE);
                x += 12;
            } else {
                fill(x + 2, top + DIGIT_HEIGHT - STROKE, STROKE, STROKE, WHITE);
                x += 12;
            }
        }
    }

    private void drawDigit(int digit, int x, int y) {
        int segments = DIGIT_SEGMENTS[digit];
        int half = DIGIT_HEIGHT / 2;
        int w = DIGIT_WIDTH;
        if ((segments & 0b1000000) != 0) fill(x, y, w, STROKE, WHITE);
        if ((segments & 0b0100000) != 0) fill(x + w - STROKE, y, STROKE, half, WHITE);
        if ((segments & 0b0010000) != 0) fill(x + w - STROKE, y + half, STROKE, half, WHITE);
        if ((segments & 0b0001000) != 0) fill(x, y + DIGIT_HEIGHT - STROKE, w, STROKE, WHITE);
        if ((segments & 0b0000100) != 0) fill(x, y + half, STROKE, half, WHITE);
        if ((segments & 0b0000010) != 0) fill(x, y, STROKE, half, WHITE);
        if ((segments & 0b0000001) != 0) fill(x, y + half - STROKE / 2, w, STROKE, WHITE);
    }

    private void fill(int left, int top, int width, int height, int color) {
        for (int y = Math.max(0, top); y < Math.min(HEIGHT, top + height); y++) {
            for (int x = Math.max(0, left); x < Math.min(WIDTH, left + width); x++) {
                pixels[y * WIDTH + x] = (byte) color;
            }
        }
    }
}
