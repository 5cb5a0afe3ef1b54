package io.gifstream.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver through Selenium. A page with an endless GIF
 * never fires {@code load}, so pages are opened with the EAGER strategy; what the image shows is
 * read from screenshots of its element (a canvas would show only the first frame).
 */
public final class HeadlessChromium implements PageBrowser {
    private final ChromeDriver driver;
    private final Path profile;

    /** A browser with this fresh profile directory, which it deletes when closed (a few MB each, per test run). */
    public HeadlessChromium(Path profile) {
        this.profile = profile;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=640,480", "--user-data-dir=" + profile.toAbsolutePath());
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void open(String url) {
        driver.get(url);
    }

    /** A screenshot of the element with this id, as PNG bytes. */
    @Override
    public byte[] screenshotOf(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.id(id)).getScreenshotAs(OutputType.BYTES);
            } catch (StaleElementReferenceException swapped) {
                // the page replaced the element between finding it and taking the picture (snapshots
                // replace it twice a second)
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    /** The address the page is at now, as the address bar shows it. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    @Override
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left behind costs disk space, not a test
        }
    }
}
