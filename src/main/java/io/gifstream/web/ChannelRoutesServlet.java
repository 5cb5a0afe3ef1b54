package io.gifstream.web;

import io.gifstream.channel.Channel;
import io.gifstream.config.ChannelName;
import io.gifstream.channel.Channels;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /streams/*}: every channel's paths, answered by the same servlets as the default channel's —
 * {@code <name>.gif}, {@code <name>/snapshot.gif}, {@code <name>/stills}, {@code <name>/status},
 * {@code <name>/health}. A name that breaks the {@link ChannelName#RULE} gets 400 and one that names no
 * channel 404; a name is only ever a key of the registry, never part of a file path.
 */
public class ChannelRoutesServlet extends HttpServlet {
    private static final Pattern ROUTE = Pattern.compile("/([^/]*)(\\.gif|/snapshot\\.gif|/stills|/status|/health)");

    private transient Channels channels;
    private transient Map<String, HttpServlet> servlets;

    @Override
    public void init() throws ServletException {
        channels = GifstreamApp.of(getServletContext()).channels();
        servlets = Map.of(".gif", new StreamServlet(), "/snapshot.gif", new SnapshotServlet(),
                "/stills", new StillsServlet(), "/status", new StatusServlet(), "/health", new HealthServlet());
        for (HttpServlet servlet : servlets.values()) {
            servlet.init(getServletConfig());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        Matcher route = ROUTE.matcher(path == null ? "" : path);
        if (!route.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "a channel has <name>.gif, <name>/snapshot.gif, "
                    + "<name>/stills, <name>/status and <name>/health");
            return;
        }
        String name = route.group(1);
        if (!ChannelName.isValid(name)) {
            // the name is not repeated in the answer: it is the client's word
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not a channel name: " + ChannelName.RULE);
            return;
        }
        Channel channel = channels.find(name).orElse(null);
        if (channel == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no channel of this name");
            return;
        }
        ChannelRequest.route(request, channel);
        servlets.get(route.group(2)).service(request, response);
    }

    @Override
    public void destroy() {
        if (servlets != null) {
            List.copyOf(servlets.values()).forEach(HttpServlet::destroy);
        }
    }
}
