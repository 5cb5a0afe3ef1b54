package io.gifstream.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** A real browser driven over WebDriver, as the browser tests and benchmarks use it. */
public interface PageBrowser extends AutoCloseable {
    /** Opens a page without waiting for its load event (an endless image never lets it fire). */
    void open(String url);

    /** What the element with this id shows now, as PNG bytes. */
    byte[] screenshotOf(String id);

    /** The session this browser is driven through. */
    WebDriver driver();

    /** The value of a JavaScript expression in the page, as a string. */
    default String evaluate(String expression) {
        return String.valueOf(((JavascriptExecutor) driver()).executeScript("return String(" + expression + ");"));
    }

    default String textOf(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    @Override
    void close();
}
