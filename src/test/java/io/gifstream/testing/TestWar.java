package io.gifstream.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real WAR that {@code mvn package} built, deployed under another name with some context-params
 * of its {@code web.xml} changed — the way an administrator configures it, nothing mocked. Its
 * {@code /status} shows the operator fields ({@code gifstream.status.details=true}), which most tests
 * read, and it starts without the warm-up ({@code gifstream.warmup.requests=0}), whose 503s would only
 * delay them, unless the test sets that key itself.
 */
public final class TestWar {
    private static final File BUILT_WAR = new File("target/gifstream.war");
    private static final String STATUS_DETAILS = "gifstream.status.details";
    private static final String WARMUP_REQUESTS = "gifstream.warmup.requests";

    private TestWar() {
    }

    public static WebArchive of(String contextName, Map<String, String> contextParams) {
        if (!BUILT_WAR.isFile()) {
            throw new IllegalStateException(BUILT_WAR + " is missing: integration tests run after 'mvn package'");
        }
        WebArchive war = ShrinkWrap.create(ZipImporter.class, contextName + ".war")
                .importFrom(BUILT_WAR).as(WebArchive.class);
        String webXml = read(war);
        Map<String, String> params = new HashMap<>(contextParams);
        params.putIfAbsent(STATUS_DETAILS, "true");
        params.putIfAbsent(WARMUP_REQUESTS, "0");
        for (var param : params.entrySet()) {
            Pattern pattern = Pattern.compile("(<param-name>" + Pattern.quote(param.getKey())
                    + "</param-name>\\s*<param-value>)[^<]*(</param-value>)");
            Matcher matcher = pattern.matcher(webXml);
            if (!matcher.find()) {
                throw new IllegalArgumentException("web.xml has no context-param " + param.getKey());
            }
            webXml = matcher.replaceFirst("$1" + Matcher.quoteReplacement(param.getValue()) + "$2");
        }
        war.delete("WEB-INF/web.xml");
        war.setWebXML(new StringAsset(webXml));
        return war;
    }

    private static String read(WebArchive war) {
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
