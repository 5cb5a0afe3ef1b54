package io.gifstream.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.HeadlessChromium;
import io.gifstream.testing.Screenshots;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page shared as {@code /?token=…}, opened in headless Chromium: the address bar ends without the
 * token (other parameters kept), the script cannot read it, and the stream plays on the cookie alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenInAddressIT {
    private static final String TOKEN = "s3cret-token-0123456789";
    private static final Path SCREENSHOTS = Path.of("target/screenshots/chromium-token");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.of("shared", Map.of("gifstream.access.token", TOKEN));
    }

    @Test
    void pageOpenedWithTheTokenDropsItFromTheAddressAndPlaysTheStream() throws IOException {
        try (HeadlessChromium browser = new HeadlessChromium(Files.createTempDirectory("chromium-profile"))) {
            browser.open(base + "?lang=en&token=" + TOKEN);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.currentUrl().equals(base + "?lang=en"));
            assertFalse(browser.evaluate("document.cookie").contains("gifstream-token"), "HttpOnly: no script reads it");

            await().atMost(Duration.ofSeconds(10)).until(() -> new StreamClient(base).statusWith(TOKEN).get("viewers").asInt() == 1);
            List<int[]> pictures = new ArrayList<>();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(30)).until(() -> {
                byte[] png = browser.screenshotOf("stream");
                Screenshots.save(png, SCREENSHOTS.resolve("live-" + pictures.size() + ".png"));
                pictures.add(Screenshots.pixels(png));
                return pictures.size() >= 9;
            });
            Set<Integer> distinct = new HashSet<>();
            pictures.forEach(p -> distinct.add(Arrays.hashCode(p)));
            assertTrue(distinct.size() >= 6, "only " + distinct.size() + " distinct pictures in 9 samples over 2 s");
            assertEquals("live", browser.textOf("state"));
            assertTrue(browser.textOf("viewers").matches("\\d+"), "the status poll answers: " + browser.textOf("viewers"));
        }
    }
}
