package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
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
public final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;

    public HeadlessChromium(Path profile) {
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

    public void open(String url) {
        driver.get(url);
    }

    /** A screenshot of the element with this id, as PNG bytes. */
    public byte[] screenshotOf(String id) {
        try {
            return driver.findElement(By.id(id)).getScreenshotAs(OutputType.BYTES);
        } catch (StaleElementReferenceException swapped) {
            // the page replaced the element between finding it and taking the picture
            return driver.findElement(By.id(id)).getScreenshotAs(OutputType.BYTES);
        }
    }

    public String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The RGB pixels of a PNG screenshot. */
    public static int[] pixels(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RGB colour of one pixel of a PNG screenshot. */
    public static int pixel(byte[] png, int x, int y) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png)).getRGB(x, y) & 0xFFFFFF;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void save(byte[] png, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
