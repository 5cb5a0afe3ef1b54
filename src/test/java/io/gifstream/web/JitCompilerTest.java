package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The warm-up goes on while the JIT compiler compiled for more than a tenth of the time since the mark. */
class JitCompilerTest {
    private final AtomicLong compilingMillis = new AtomicLong(5_000); // what the JVM had compiled before
    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
    private final JitCompiler compiler = new JitCompiler(compilingMillis::get, nanos::get);

    @Test
    void busyWhileItCompiledForMoreThanATenthOfTheTimeSinceTheMark() {
        compiler.mark();
        pass(2_000, 201);
        assertTrue(compiler.busySinceMark());
        assertEquals("201 ms of compiling in 2000 ms", compiler.sinceMark());
    }

    @Test
    void quietAtATenthOrLess() {
        compiler.mark();
        pass(2_000, 200);
        assertFalse(compiler.busySinceMark());
    }

    @Test
    void eachMarkStartsAPeriodOfItsOwn() {
        compiler.mark();
        pass(2_000, 1_500);
        assertTrue(compiler.busySinceMark());
        compiler.mark();
        pass(2_000, 50);
        assertFalse(compiler.busySinceMark(), "the busy period before the mark counts no more");
    }

    @Test
    void aJvmThatDoesNotSayIsNeverBusy() {
        JitCompiler silent = new JitCompiler(null, nanos::get);
        silent.mark();
        pass(1_000, 0);
        assertFalse(silent.busySinceMark());
        assertEquals("unknown", silent.sinceMark());
    }

    @Test
    void thisJvmSaysHowLongItCompiled() {
        // the warm-up relies on it in the JVMs it runs on: HotSpot's compiler threads count their time
        JitCompiler real = JitCompiler.ofThisJvm();
        real.mark();
        assertTrue(real.sinceMark().endsWith(" ms"), real.sinceMark());
    }

    private void pass(long millis, long compiledMillis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        compilingMillis.addAndGet(compiledMillis);
    }
}
