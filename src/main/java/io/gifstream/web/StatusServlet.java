package io.gifstream.web;

import io.gifstream.channel.Channel;
import io.gifstream.ingest.IngestStatus;
import io.gifstream.stream.StreamStats;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /status} (and {@code /streams/<channel>/status}) as JSON: what the page needs ({@link PageStatus}), computed at most once a
 * second and shared by every page polling meanwhile, or with {@code gifstream.status.details=true}
 * every counter and the operator fields ({@link StatusReport}), computed for each request.
 */
public class StatusServlet extends HttpServlet {
    private static final Duration PAGE_STATUS_INTERVAL = Duration.ofSeconds(1);
    private transient GifstreamApp app;
    private final transient Map<Channel, SharedAnswer> pageStatus = new ConcurrentHashMap<>();

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Channel channel = ChannelRequest.of(request, app.channels());
        byte[] body = app.config().statusDetails() ? JsonAnswers.bytes(report(channel)) : pageStatusOf(channel).bytes();
        JsonAnswers.send(response, body);
    }

    private SharedAnswer pageStatusOf(Channel channel) {
        SharedAnswer answer = pageStatus.get(channel);
        if (answer == null) {
            pageStatus.keySet().removeIf(Channel::isClosed); // channels come and go; their answers go with them
            answer = pageStatus.computeIfAbsent(channel,
                    key -> new SharedAnswer(() -> JsonAnswers.bytes(report(key)), PAGE_STATUS_INTERVAL, System::nanoTime));
        }
        return answer;
    }

    private Object report(Channel channel) {
        StreamStats stream = channel.stats();
        IngestStatus ingest = channel.status();
        boolean live = Health.of(ingest, app.config().maxFrameAge()).healthy();
        long pageRecycleSeconds = app.config().pageRecycle().toSeconds();
        // every page on the server polls, whichever channel it shows
        int everyViewer = app.channels().all().stream().mapToInt(c -> c.stats().viewers()).sum();
        long pollSeconds = PollInterval.seconds(everyViewer);
        return app.config().statusDetails()
                ? StatusReport.of(stream, ingest, app.uptime().toSeconds(), pageRecycleSeconds, pollSeconds, live)
                : new PageStatus(stream.viewers(), live, pageRecycleSeconds, pollSeconds);
    }
}
