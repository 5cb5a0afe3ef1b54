package io.gifstream.testing;

import java.util.ArrayList;
import java.util.List;

/** The page's wall of channels as a browser shows it: its tiles, in order, and each tile's snapshot. */
public final class ChannelWall {
    private ChannelWall() {
    }

    /** The tiles' ids ({@code tile-<name>}) in the order the wall shows them. */
    @SuppressWarnings("unchecked")
    public static List<String> tileIds(PageBrowser browser) {
        return new ArrayList<>((List<String>) script(browser,
                "return Array.from(document.querySelectorAll('#wall a')).map(function (a) { return a.id; });"));
    }

    /** The width of the tile's snapshot as decoded; 0 while it has none (or there is no such tile). */
    public static long tileWidth(PageBrowser browser, String name) {
        Object width = script(browser, "var img = document.querySelector('#tile-" + name + " img');"
                + " return img ? img.naturalWidth : 0;");
        return ((Number) width).longValue();
    }

    /** The address of the snapshot the tile shows. */
    public static String tileSource(PageBrowser browser, String name) {
        return (String) script(browser, "return document.querySelector('#tile-" + name + " img').src;");
    }

    private static Object script(PageBrowser browser, String javaScript) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(javaScript);
    }
}
