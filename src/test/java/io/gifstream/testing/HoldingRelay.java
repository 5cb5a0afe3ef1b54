package io.gifstream.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A network that passes only whole responses, as virus scanners and some corporate proxies do: an
 * HTTP relay in front of the server that passes each request on and answers it only once the
 * server's response is complete. An endless response is held forever. After {@link #release()} it
 * passes responses on as they come, as a network without such a proxy does. It notes when each
 * request arrived, by path, so a test can tell how often the browser asked for something.
 */
public final class HoldingRelay implements AutoCloseable {
    // hop-by-hop, or set by the relay itself for the whole body it sends
    private static final Set<String> NOT_PASSED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "host", "upgrade", "expect");
    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(); // a held response keeps its thread
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final ConcurrentHashMap<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    private volatile boolean holding = true;

    /** A relay to the server at this address, e.g. http://localhost:8080/. */
    public HoldingRelay(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::relay);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on, responses pass as they come. */
    public void release() {
        holding = false;
    }

    /** When each request for a path (without its query) arrived, in milliseconds, oldest first. */
    public List<Long> arrivals(String path) {
        return List.copyOf(arrivals.getOrDefault(path, List.of()));
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI asked = exchange.getRequestURI();
            arrivals.computeIfAbsent(asked.getPath(), path -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(asked.getRawPath()
                    + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery())))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody()); // the page only GETs
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            if (holding) {
                // the whole body, however long that takes: the holding itself
                HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] body = response.body();
                answer(exchange, response, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                HttpResponse<InputStream> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                answer(exchange, response, 0); // chunked: flushed as it comes
                try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                    byte[] buffer = new byte[16 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the browser or the server went away: nothing to pass on
        }
    }

    private static void answer(HttpExchange exchange, HttpResponse<?> response, long length) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), length);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
