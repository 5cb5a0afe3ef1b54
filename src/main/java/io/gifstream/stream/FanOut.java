package io.gifstream.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains every viewer after a frame is queued for all of them. The viewers are split into one share per
 * worker thread (every n-th viewer of the array), and each worker writes its share: the publishing
 * thread only queues and wakes the workers, so a frame reaches the first and the last viewer on both
 * cores at once. A worker woken
 * again while it walks its share walks it once more when done, so no request is lost and none waits
 * behind another worker. {@link #inline()} drains on the calling thread instead, for tests.
 */
abstract class FanOut implements AutoCloseable {

    /** Drains every viewer of this array, which no one changes afterwards. */
    abstract void drainAll(Viewer[] viewers);

    @Override
    public abstract void close();

    static FanOut inline() {
        return new FanOut() {
            @Override
            void drainAll(Viewer[] viewers) {
                for (Viewer viewer : viewers) {
                    viewer.drain();
                }
            }

            @Override
            public void close() {
                // no threads
            }
        };
    }

    static FanOut parallel(int workers) {
        return new Parallel(workers);
    }

    private static final class Parallel extends FanOut {
        private final Worker[] workers;

        Parallel(int count) {
            workers = new Worker[count];
            for (int i = 0; i < count; i++) {
                workers[i] = new Worker(i, count);
                workers[i].thread.start();
            }
        }

        @Override
        void drainAll(Viewer[] viewers) {
            for (Worker worker : workers) {
                worker.request(viewers);
            }
        }

        @Override
        public void close() {
            for (Worker worker : workers) {
                worker.stop();
            }
        }
    }

    private static final class Worker implements Runnable {
        private final int share;
        private final int shares;
        private final Thread thread;
        private final AtomicBoolean requested = new AtomicBoolean();
        private volatile Viewer[] viewers;
        private volatile boolean running = true;

        Worker(int share, int shares) {
            this.share = share;
            this.shares = shares;
            this.thread = new Thread(this, "gifstream-fan-out-" + share);
            thread.setDaemon(true);
        }

        void request(Viewer[] all) {
            viewers = all;
            if (requested.compareAndSet(false, true)) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (running) {
                if (!requested.getAndSet(false)) {
                    LockSupport.park(this);
                    continue;
                }
                Viewer[] all = viewers;
                for (int i = share; i < all.length; i += shares) {
                    all[i].drain();
                }
            }
        }

        void stop() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
