package io.gifstream.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.testing.TestWar;
import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * A setting out of range, a channel's included, fails the deployment, with a message naming the key and the
 * accepted range, instead of starting a half-configured stream. (A plain embedded Jetty: Arquillian's adapter
 * reports a failed deployment only as its own NullPointerException.)
 */
class BadConfigurationIT {

    @Test
    void outOfRangeSettingFailsTheDeploymentNamingTheKey() throws Exception {
        assertDeploymentFails(Map.of("gifstream.viewer.backlog", "0"), Map.of(),
                "invalid setting gifstream.viewer.backlog='0': must be a whole number from 1 to 1000");
    }

    @Test
    void outOfRangeChannelSettingFailsTheDeploymentNamingTheKey() throws Exception {
        assertDeploymentFails(Map.of(), Map.of("gifstream.channels.cam1.input", "lavfi:testsrc=size=64x48",
                        "gifstream.channels.cam1.rate", "0"),
                "invalid setting gifstream.channels.cam1.rate='0': must be a number from 1 to 50");
    }

    @Test
    void channelNameOutsideTheRuleFailsTheDeploymentNamingTheKey() throws Exception {
        assertDeploymentFails(Map.of(), Map.of("gifstream.channels.Bad!.input", "x"),
                "invalid setting gifstream.channels.Bad!.input='Bad!': must be about a channel named by");
    }

    /**
     * Deploys the WAR with these web.xml context-params replaced and these further context init
     * parameters (the channel settings web.xml does not list), and checks that it fails with the message.
     */
    private static void assertDeploymentFails(Map<String, String> webXml, Map<String, String> initParameters,
                                              String message) throws Exception {
        File war = Files.createTempFile("badconfig", ".war").toFile();
        TestWar.of("badconfig", webXml).as(ZipExporter.class).exportTo(war, true);
        Server server = new Server(0);
        WebAppContext context = new WebAppContext();
        context.setWar(war.getAbsolutePath());
        context.setContextPath("/badconfig");
        initParameters.forEach(context::setInitParameter);
        context.setThrowUnavailableOnStartupException(true);
        server.setHandler(context);
        try {
            Throwable failure = assertThrows(Throwable.class, server::start);
            assertTrue(messages(failure).contains(message), messages(failure));
            assertFalse(context.isAvailable());
        } finally {
            server.stop();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
