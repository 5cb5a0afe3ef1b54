package io.gifstream.stream;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seats for viewers: at most {@code max} at once, and at most {@code maxPerAddress} from one address (0: no
 * limit). One instance may be shared by several broadcasters: the limits of one server across its channels.
 */
public final class ViewerLimits {
    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger seated = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> seatedByAddress = new ConcurrentHashMap<>();

    public ViewerLimits(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    boolean tryAcquire(String address) {
        if (seated.incrementAndGet() > max) {
            seated.decrementAndGet();
            return false;
        }
        if (maxPerAddress > 0) {
            boolean[] granted = {false};
            seatedByAddress.compute(address, (key, count) -> {
                int current = count == null ? 0 : count;
                if (current >= maxPerAddress) {
                    return count;
                }
                granted[0] = true;
                return current + 1;
            });
            if (!granted[0]) {
                seated.decrementAndGet();
                return false;
            }
        }
        return true;
    }

    int seated() {
        return seated.get();
    }

    void release(String address) {
        seated.decrementAndGet();
        if (maxPerAddress > 0) {
            seatedByAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        }
    }
}
