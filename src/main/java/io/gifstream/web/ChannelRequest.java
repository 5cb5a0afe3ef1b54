package io.gifstream.web;

import io.gifstream.channel.Channel;
import io.gifstream.channel.Channels;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which channel a request is for: the one {@link ChannelRoutesServlet} found for a {@code /streams/…}
 * path, or the default channel for the application's own paths ({@code /stream.gif}, {@code /status}, …).
 */
final class ChannelRequest {
    private static final String ATTRIBUTE = ChannelRequest.class.getName();

    private ChannelRequest() {
    }

    static void route(HttpServletRequest request, Channel channel) {
        request.setAttribute(ATTRIBUTE, channel);
    }

    static Channel of(HttpServletRequest request, Channels channels) {
        Object routed = request.getAttribute(ATTRIBUTE);
        return routed instanceof Channel channel ? channel : channels.defaultChannel();
    }
}
