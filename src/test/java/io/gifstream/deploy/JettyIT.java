package io.gifstream.deploy;

import java.nio.file.Path;

/**
 * Stock Eclipse Jetty 12.1 with only the http and ee10-deploy modules (and a stop timeout), run by deploy/jetty/run.sh:
 * the WAR as ROOT, gifstream.frames.dir set through the context file's override descriptor.
 */
class JettyIT extends ContainerContract {
    JettyIT() {
        super(new Jetty());
    }

    @Override
    boolean checksBadSettings() {
        return true;
    }

    /** Jetty's deployer (scanning every second) undeploys when the context file goes and deploys when it returns. */
    record Jetty() implements ContextFileContainer {
        @Override
        public Path script() {
            return Path.of("deploy/jetty/run.sh");
        }

        @Override
        public String version() {
            return "12.1.12";
        }

        @Override
        public Path contextFile(Path work) {
            return work.resolve("base-" + version() + "/webapps/ROOT.xml");
        }

        @Override
        public Path settingsFile(Path work) {
            return work.resolve("base-" + version() + "/etc/gifstream-override-web.xml");
        }

        @Override
        public String settingsEnd() {
            return "</web-app>";
        }

        @Override
        public String setting(String key, String value) {
            return "<context-param><param-name>" + key + "</param-name><param-value>" + value
                    + "</param-value></context-param>";
        }
    }
}
