package io.gifstream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Stock Apache Tomcat 11 (Servlet 6.1), run by deploy/tomcat/run.sh. */
class TomcatIT extends ContainerContract {
    TomcatIT() {
        super(new Tomcat("11.0.24"));
    }

    /** The key is named in Tomcat's localhost log; 26 s for Tomcat's deployer, so Tomcat10IT leaves it to this one. */
    @Override
    boolean checksBadSettings() {
        return true;
    }

    /** Tomcat undeploys an application whose context file disappears, and deploys it when it comes back. */
    record Tomcat(String version) implements ContextFileContainer {
        @Override
        public Path script() {
            return Path.of("deploy/tomcat/run.sh");
        }

        @Override
        public Path contextFile(Path work) {
            return work.resolve("base-" + version + "/conf/Catalina/localhost/ROOT.xml");
        }

        @Override
        public Path settingsFile(Path work) {
            return contextFile(work);
        }

        @Override
        public String settingsEnd() {
            return "</Context>";
        }

        @Override
        public String setting(String key, String value) {
            return "<Parameter name=\"" + key + "\" value=\"" + value + "\" override=\"false\"/>";
        }

        /** Tomcat's console says only that a listener failed; its localhost log has the exception. */
        @Override
        public String applicationLog(Path work) throws IOException {
            try (Stream<Path> logs = Files.list(work.resolve("base-" + version + "/logs"))) {
                StringBuilder all = new StringBuilder();
                for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("localhost.")).toList()) {
                    all.append(Files.readString(log));
                }
                return all.toString();
            }
        }

        /**
         * Tomcat warns when seeding the random generator of its session ids takes over 100 ms, which a
         * busy machine's entropy decides (127 ms in one clean-clone CI run, at redeploy); the application
         * uses no sessions.
         */
        @Override
        public boolean isProblem(String logLine) {
            return ContextFileContainer.super.isProblem(logLine)
                    && !logLine.contains("Creation of SecureRandom instance for session ID generation");
        }
    }
}
