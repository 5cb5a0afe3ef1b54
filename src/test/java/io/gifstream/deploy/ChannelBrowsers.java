package io.gifstream.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gifstream.testing.ChannelWall;
import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.MovingPicture;
import io.gifstream.testing.Screenshots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The page of a deployed container in real browsers, kept short: in Chromium the wall shows a tile per
 * channel whose picture changes, and a channel's live view plays; in Firefox a channel's live view
 * plays. Screenshots stay under the given folder.
 */
final class ChannelBrowsers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final URL base;
    private final Path screenshots;

    ChannelBrowsers(URL base, Path screenshots) {
        this.base = base;
        this.screenshots = screenshots;
    }

    void wallAndLiveViewInChromium(List<String> channels, String live) throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            browser.open(base.toString());
            await().atMost(AWAIT).ignoreExceptions().until(() -> ChannelWall.tileIds(browser).equals(
                    channels.stream().map(name -> "tile-" + name).toList())
                    && channels.stream().allMatch(name -> ChannelWall.tileWidth(browser, name) > 0));
            Map<String, int[]> first = new HashMap<>();
            channels.forEach(name -> first.put(name, Screenshots.pixels(tilePicture(browser, name))));
            Set<String> changed = new HashSet<>();
            await().atMost(AWAIT).until(() -> {
                for (String name : channels) {
                    if (!Arrays.equals(first.get(name), Screenshots.pixels(tilePicture(browser, name)))) {
                        changed.add(name);
                    }
                }
                return changed.size() == channels.size();
            });
            Screenshots.save(browser.screenshotOf("wall"), screenshots.resolve("chromium-wall.png"));

            browser.open(base + "?channel=" + live);
            await().atMost(AWAIT).until(() -> browser.textOf("state").equals("live"));
            MovingPicture.awaitDistinct(browser, "stream", 5, screenshots, "chromium-" + live);
        }
    }

    void liveViewInFirefox(String live, Path log) throws Exception {
        Process firefox = new ProcessBuilder("node", "src/test/js/firefox-live.mjs", base + "?channel=" + live,
                screenshots.resolve("firefox-" + live).toString(), "5")
                .redirectError(log.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(firefox.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null, "Firefox said nothing; see " + log);
            JsonNode result = JSON.readTree(line);
            assertTrue(result.path("distinct").asInt() >= 5, live + "'s live view in Firefox: " + line);
        } finally {
            if (!firefox.waitFor(30, TimeUnit.SECONDS)) {
                firefox.destroy();
                firefox.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A screenshot of the tile's picture; the page replaces the image with each new snapshot, so it looks again. */
    private static byte[] tilePicture(HeadlessChromium browser, String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.driver().findElement(By.cssSelector("#tile-" + name + " img")).getScreenshotAs(OutputType.BYTES);
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }
}
