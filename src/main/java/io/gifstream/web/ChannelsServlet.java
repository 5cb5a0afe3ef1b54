package io.gifstream.web;

import io.gifstream.channel.Channel;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /channels} as JSON ({@link ChannelList}): every channel's name, viewers and whether it is
 * live, for the page's wall; computed at most once a second and shared by every page polling meanwhile.
 */
public class ChannelsServlet extends HttpServlet {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private transient GifstreamApp app;
    private transient SharedAnswer answer;

    @Override
    public void init() {
        app = GifstreamApp.of(getServletContext());
        answer = new SharedAnswer(this::list, INTERVAL, System::nanoTime);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswers.send(response, answer.bytes());
    }

    private byte[] list() {
        Duration maxFrameAge = app.config().maxFrameAge();
        List<ChannelList.Entry> entries = app.channels().all().stream()
                .map(channel -> entry(channel, maxFrameAge))
                .toList();
        return JsonAnswers.bytes(new ChannelList(entries));
    }

    private static ChannelList.Entry entry(Channel channel, Duration maxFrameAge) {
        return new ChannelList.Entry(channel.name(), channel.stats().viewers(),
                Health.of(channel.status(), maxFrameAge).healthy());
    }
}
