package io.gifstream.testing;

/** A real browser driven over WebDriver, as the browser tests and benchmarks use it. */
public interface PageBrowser extends AutoCloseable {
    /** Opens a page without waiting for its load event (an endless image never lets it fire). */
    void open(String url);

    /** What the element with this id shows now, as PNG bytes. */
    byte[] screenshotOf(String id);

    /** The value of a JavaScript expression in the page, as a string. */
    String evaluate(String expression);

    String textOf(String id);

    @Override
    void close();
}
