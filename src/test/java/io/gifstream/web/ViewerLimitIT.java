package io.gifstream.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gifstream.testing.GifStreamReader;
import io.gifstream.testing.StreamClient;
import io.gifstream.testing.TestWar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The global viewer limit: one seat too many gets 503, and a seat comes back when a viewer leaves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ViewerLimitIT {
    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.of("crowded", Map.of("gifstream.viewers.max", "2"));
    }

    @Test
    void viewerBeyondTheLimitGets503UntilASeatIsFree() throws IOException {
        StreamClient client = new StreamClient(base);
        try (InputStream first = client.open("stream.gif").body()) {
            new GifStreamReader(first).nextFrame();
            try (InputStream second = client.open("stream.gif").body()) {
                new GifStreamReader(second).nextFrame();
                assertEquals(503, client.get("stream.gif").statusCode());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> client.status().get("viewers").asInt() == 1);
            try (InputStream third = client.open("stream.gif").body()) {
                new GifStreamReader(third).nextFrame();
            }
        }
    }
}
