package io.gifstream.web;

/**
 * The JSON document of {@code GET /status} for everyone who is not an operator: what the page shows
 * and needs, nothing about the server's files, errors or process.
 *
 * @param viewers            viewers watching now (the page shows the number)
 * @param live               whether frames arrive, as {@code /health} judges it
 * @param pageRecycleSeconds how often the page opens a fresh connection
 * @param pollSeconds        how long the page waits before it asks again ({@link PollInterval})
 */
public record PageStatus(int viewers, boolean live, long pageRecycleSeconds, long pollSeconds) {
}
