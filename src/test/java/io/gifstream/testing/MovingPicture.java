package io.gifstream.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether an image on a page moves: screenshots of it every 250 ms until it has shown a number of
 * different pictures. Waiting for a count, rather than counting within a fixed number of samples, keeps
 * a looping fixture from aliasing: 12 frames at 10 fps, screenshotted 400 ms apart by a busy machine,
 * show only 3 different pictures however well the stream plays. A frozen picture never gets there.
 */
public final class MovingPicture {
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private MovingPicture() {
    }

    /** Returns once the element with this id has shown {@code pictures} different ones; screenshots go to {@code dir}. */
    public static void awaitDistinct(PageBrowser browser, String id, int pictures, Path dir, String name) {
        Set<Integer> distinct = new HashSet<>();
        AtomicInteger samples = new AtomicInteger();
        await("" + pictures + " different pictures of #" + id + " (" + dir.resolve(name) + "-*.png)")
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).atMost(AT_MOST)
                .until(() -> {
                    byte[] png = browser.screenshotOf(id);
                    Screenshots.save(png, dir.resolve(name + "-" + samples.getAndIncrement() + ".png"));
                    distinct.add(Arrays.hashCode(Screenshots.pixels(png)));
                    return distinct.size() >= pictures;
                });
    }
}
