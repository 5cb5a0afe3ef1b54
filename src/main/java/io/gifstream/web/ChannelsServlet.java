package io.gifstream.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        byte[] body = answer.bytes();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] list() {
        Duration maxFrameAge = app.config().maxFrameAge();
        List<ChannelList.Entry> entries = app.channels().all().stream()
                .map(channel -> entry(channel, maxFrameAge))
                .toList();
        try {
            return JSON.writeValueAsBytes(new ChannelList(entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a channel list that Jackson cannot write", e);
        }
    }

    private static ChannelList.Entry entry(Channel channel, Duration maxFrameAge) {
        return new ChannelList.Entry(channel.name(), channel.stats().viewers(),
                Health.of(channel.status(), maxFrameAge).healthy());
    }
}
