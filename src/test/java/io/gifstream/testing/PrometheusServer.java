package io.gifstream.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's {@code /usr/bin/prometheus}) as a child process with its own
 * configuration and storage in a temporary directory, scraping one application's {@code /metrics} every
 * second; read through its HTTP API. Closing it kills the process and deletes the directory.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final Path home;
    private final URI api;

    private PrometheusServer(Process process, Path home, URI api) {
        this.process = process;
        this.home = home;
        this.api = api;
    }

    /** Starts scraping {@code application}'s {@code metrics}, with {@code Authorization: Bearer token}. */
    public static PrometheusServer scraping(URL application, String token) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install prometheus (.ci/run does)");
        }
        Path home = Files.createTempDirectory("gifstream-prometheus");
        String path = application.getPath().endsWith("/") ? application.getPath() : application.getPath() + "/";
        Files.writeString(home.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: gifstream
                    metrics_path: '%smetrics'
                    authorization:
                      credentials: '%s'
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(path, token, application.getHost(), application.getPort()));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, home, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            server.awaitReady();
        } catch (RuntimeException notReady) {
            try {
                server.close();
            } catch (IOException | InterruptedException closing) {
                notReady.addSuppressed(closing);
            }
            throw notReady;
        }
        return server;
    }

    private void awaitReady() {
        await("Prometheus ready").atMost(Duration.ofSeconds(30)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited:\n" + log());
            }
            return getText("-/ready") != null;
        });
    }

    /** The health of the one scrape target ("up", "down", "unknown") and its last error, or null before Prometheus answers. */
    public String targetHealth() {
        JsonNode targets = get("api/v1/targets");
        if (targets == null || targets.at("/data/activeTargets").isEmpty()) {
            return null;
        }
        JsonNode target = targets.at("/data/activeTargets/0");
        return target.get("health").asText() + " " + target.get("lastError").asText();
    }

    /** The value of an instant query that yields one series, or NaN while it yields none. */
    public double valueOf(String promql) {
        JsonNode answer = get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (answer == null || answer.at("/data/result").isEmpty()) {
            return Double.NaN;
        }
        return Double.parseDouble(answer.at("/data/result/0/value/1").asText());
    }

    public String log() {
        try {
            return Files.readString(home.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    // null while the server is starting and not yet listening
    private JsonNode get(String path) {
        String body = getText(path);
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String getText(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException starting) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
