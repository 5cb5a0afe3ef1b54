package io.gifstream.web;

/**
 * How long an open page waits between its status polls, from the number of viewers on the server: 2 s
 * while few watch, longer as they grow, so that all their pages together ask about 500 times a second;
 * never longer than 10 s, so that a page still notices a server gone within seconds. Answering a poll
 * costs the container about 85 µs of a core (bench/README.md, "Open pages"): 2,500 polls a second, what
 * 5,000 pages polling every 2 s would make, cost a fifth of a core or more.
 */
final class PollInterval {
    static final int POLLS_PER_SECOND = 500;
    static final long MIN_SECONDS = 2;
    static final long MAX_SECONDS = 10;

    private PollInterval() {
    }

    static long seconds(int viewers) {
        long spread = (Math.max(viewers, 0) + POLLS_PER_SECOND - 1L) / POLLS_PER_SECOND;
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, spread));
    }
}
