package io.gifstream.web;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The JVM and process metrics of the Prometheus client ({@code jvm_*}, {@code process_*}): memory,
 * threads, garbage collection, classes, buffer pools, CPU time and file descriptors. All of
 * {@code JvmMetrics} except two: the memory pool allocation counter adds a listener to the JVM-wide
 * garbage collector beans that is never removed (it would hold this WAR's class loader after every
 * undeploy) and links {@code com.sun.management}, which WildFly hides from deployments; native memory
 * needs {@code -XX:NativeMemoryTracking}. The process metrics reach the same beans by reflection, which
 * works under WildFly too.
 */
final class JvmBasics {
    private JvmBasics() {
    }

    static void registerInto(PrometheusRegistry registry) {
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }
}
