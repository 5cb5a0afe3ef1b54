package io.gifstream.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A servlet container started as its own process, as an administrator runs it; its output goes to a log file. */
public final class ContainerProcess implements AutoCloseable {
    /** The setting that shows the operator fields of /status (heap, descriptors, source state) that tests read. */
    public static final String STATUS_DETAILS = "gifstream.status.details=true";
    /** No warm-up: its 503s at the start would only delay tests that are not about it (ContainerContract is). */
    public static final String NO_WARMUP = "gifstream.warmup.requests=0";
    private final Process process;
    private final Path log;

    private ContainerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ContainerProcess start(Path workingDirectory, Path log, List<String> command) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ContainerProcess(process, log);
    }

    /**
     * The built WAR in a stock Jetty started by deploy/jetty/run.sh, with these gifstream settings
     * ({@code key=value}), no warm-up and {@code /status} showing the operator fields the tests read; returns once
     * {@code /status} answers.
     */
    public static ContainerProcess startJetty(Path work, int port, String... settings) throws IOException {
        List<String> command = command("bash", "deploy/jetty/run.sh", "--port", String.valueOf(port),
                "--work", work.toString(), "--set", STATUS_DETAILS, "--set", NO_WARMUP);
        for (String setting : settings) {
            command.add("--set");
            command.add(setting);
        }
        ContainerProcess server = start(Path.of("."), work.resolve("container.log"), command);
        StreamClient client = new StreamClient(new java.net.URL("http://localhost:" + port + "/"));
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> client.get("status").statusCode() == 200);
        } catch (RuntimeException notStarted) {
            try {
                server.close(); // a container whose application never came up must not outlive the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw notStarted;
        }
        return server;
    }

    /** Runs a command to completion and fails with its output if it fails. */
    public static void run(Path workingDirectory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The java launcher of this JVM, so the container runs on the JDK the build uses. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> command(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process id; for a script that execs its server (the deploy scripts do), the server's. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
