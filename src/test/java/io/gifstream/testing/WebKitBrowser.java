package io.gifstream.testing;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * WebKit, the engine of Safari and of every iOS browser: Debian's WebKitGTK MiniBrowser driven by its
 * WebKitWebDriver over W3C WebDriver, on an Xvfb display of its own. Each instance starts its own Xvfb
 * (on a free display) and its own WebKitWebDriver (on a free port); {@link #close()} ends the session
 * and both processes with everything they started.
 *
 * <p>Pages open with the page load strategy "none": a page with an endless image never finishes
 * loading. Screenshots of one element are crops of a screenshot of the whole window, because
 * WebKitWebDriver's element screenshots can show a picture the image has long replaced.
 */
public final class WebKitBrowser implements PageBrowser {
    private static final String MINI_BROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    /** Set on the page being left, so that {@link #open} can tell when the new document is there. */
    private static final String LEAVING_MARK = "webKitBrowserLeaving";

    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::killProcesses, "WebKitBrowser cleanup");
    private final RemoteWebDriver driver;

    public WebKitBrowser(Path logs) throws IOException {
        // a test JVM stopped from outside (a surefire timeout, Ctrl-C) must not leave a display or a browser behind
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            String display = ":" + startXvfb();
            int port = ContainerProcess.freePort();
            ProcessBuilder webDriver = new ProcessBuilder("WebKitWebDriver", "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(logs.resolve("webkitwebdriver.log").toFile());
            webDriver.environment().put("DISPLAY", display);
            processes.add(webDriver.start());
            URL server = URI.create("http://127.0.0.1:" + port).toURL();
            Awaitility.await().atMost(STARTUP).ignoreExceptions().until(() -> answers(server));
            driver = new RemoteWebDriver(server, capabilities());
        } catch (IOException | RuntimeException notStarted) {
            close();
            throw notStarted;
        }
    }

    private static MutableCapabilities capabilities() {
        MutableCapabilities capabilities = new MutableCapabilities();
        capabilities.setCapability("pageLoadStrategy", "none");
        capabilities.setCapability("webkitgtk:browserOptions",
                Map.of("binary", MINI_BROWSER, "args", List.of("--automation")));
        return capabilities;
    }

    /** Starts Xvfb on a display no one uses and returns its number, as Xvfb reports it once it listens. */
    private int startXvfb() throws IOException {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(xvfb);
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String display = out.readLine();
        if (display == null) {
            throw new IOException("Xvfb ended before it reported a display");
        }
        return Integer.parseInt(display.trim());
    }

    private static boolean answers(URL server) throws IOException {
        HttpURLConnection status = (HttpURLConnection) new URL(server, "/status").openConnection();
        try {
            return status.getResponseCode() == 200;
        } finally {
            status.disconnect();
        }
    }

    /** Navigates and returns once the new document has its elements (it may still be loading images). */
    @Override
    public void open(String url) {
        driver.executeScript("window." + LEAVING_MARK + " = true;");
        driver.get(url);
        Awaitility.await().atMost(STARTUP).ignoreExceptions().until(() -> Boolean.TRUE.equals(driver.executeScript(
                "return !window." + LEAVING_MARK + " && document.readyState !== 'loading';")));
    }

    /** A screenshot of the element with this id as PNG bytes: the window's screenshot cropped to the element. */
    @Override
    public byte[] screenshotOf(String id) {
        @SuppressWarnings("unchecked")
        List<Number> rect = (List<Number>) driver.executeScript(
                "var r = document.getElementById(arguments[0]).getBoundingClientRect(), d = window.devicePixelRatio;"
                        + "return [r.left * d, r.top * d, r.width * d, r.height * d];", id);
        BufferedImage window = read(driver.getScreenshotAs(OutputType.BYTES));
        int x = clamp(rect.get(0), window.getWidth() - 1);
        int y = clamp(rect.get(1), window.getHeight() - 1);
        int width = Math.max(1, Math.min(Math.round(rect.get(2).floatValue()), window.getWidth() - x));
        int height = Math.max(1, Math.min(Math.round(rect.get(3).floatValue()), window.getHeight() - y));
        return png(window.getSubimage(x, y, width, height));
    }

    @Override
    public RemoteWebDriver driver() {
        return driver;
    }

    /** Ends the session, then WebKitWebDriver with the browser it started, then Xvfb. */
    @Override
    public void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException alreadyGone) {
            // the processes end below either way
        } finally {
            killProcesses();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException exiting) {
                // the hook is running or has run
            }
        }
    }

    private void killProcesses() {
        // newest first: WebKitWebDriver with MiniBrowser and its web processes, then the display they draw on
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            // collect the descendants before their parent ends: orphans lose their place in the tree
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    handle.destroyForcibly();
                }
            }
        }
    }

    private static int clamp(Number value, int max) {
        return Math.max(0, Math.min(Math.round(value.floatValue()), max));
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
