package io.gifstream.web;

import java.util.List;

/**
 * The JSON document of {@code GET /channels}: what the page's wall of channels needs, nothing about
 * their sources.
 *
 * @param channels the default channel first, then the named ones by name
 */
public record ChannelList(List<Entry> channels) {

    /**
     * @param name    the channel's name, {@code default} for the frame directory's own files
     * @param viewers viewers watching it now
     * @param live    whether its frames arrive, as its {@code health} judges it
     */
    public record Entry(String name, int viewers, boolean live) {
    }
}
