package io.gifstream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for one deployed application. */
public final class StreamClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public StreamClient(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<InputStream> open(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** An open response with one request header, e.g. the stream with a cookie. */
    public HttpResponse<InputStream> open(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with one request header. */
    public HttpResponse<byte[]> send(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<Void> head(String path) {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    public JsonNode status() {
        return status("status");
    }

    public JsonNode statusWith(String token) {
        return status("status?token=" + token);
    }

    private JsonNode status(String path) {
        try {
            HttpResponse<byte[]> response = get(path);
            if (response.statusCode() != 200) {
                throw new AssertionError("/status answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
