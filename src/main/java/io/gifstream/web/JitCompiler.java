package io.gifstream.web;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the JVM's JIT compiler is still at work, from the time the JVM says it has spent compiling (all its
 * compiler threads together): busy while it compiled for more than a tenth of the time since the last
 * {@link #mark()}. A JVM that does not say is never busy.
 */
final class JitCompiler {
    private static final double BUSY_SHARE = 0.1;

    private final LongSupplier compilingMillis; // null when the JVM does not say
    private final LongSupplier nanoTime;
    private long markedCompilingMillis;
    private long markedNanos;

    JitCompiler(LongSupplier compilingMillis, LongSupplier nanoTime) {
        this.compilingMillis = compilingMillis;
        this.nanoTime = nanoTime;
    }

    static JitCompiler ofThisJvm() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean(); // null without a JIT compiler
        boolean says = bean != null && bean.isCompilationTimeMonitoringSupported();
        return new JitCompiler(says ? bean::getTotalCompilationTime : null, System::nanoTime);
    }

    /** Starts the period that {@link #busySinceMark()} judges. */
    void mark() {
        markedNanos = nanoTime.getAsLong();
        markedCompilingMillis = compilingMillis == null ? 0 : compilingMillis.getAsLong();
    }

    boolean busySinceMark() {
        if (compilingMillis == null) {
            return false;
        }
        long compiling = compilingMillis.getAsLong() - markedCompilingMillis;
        long elapsed = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - markedNanos);
        return compiling > elapsed * BUSY_SHARE;
    }

    /** The compiling time and the time since the mark, for a log line. */
    String sinceMark() {
        if (compilingMillis == null) {
            return "unknown";
        }
        return (compilingMillis.getAsLong() - markedCompilingMillis) + " ms of compiling in "
                + TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - markedNanos) + " ms";
    }
}
