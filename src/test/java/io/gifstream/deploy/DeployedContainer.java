package io.gifstream.deploy;

import java.nio.file.Path;

/** How the tests drive one container: the deploy script that runs it, and how it undeploys and redeploys. */
interface DeployedContainer {
    /** The script under deploy/ that installs the WAR and runs the container in the foreground. */
    Path script();

    /** The version, passed as --version. */
    String version();

    /** Takes the application out of the running container, the way an administrator would. */
    void undeploy(Path work) throws Exception;

    /** Puts it back after {@link #undeploy}. */
    void redeploy(Path work) throws Exception;

    /**
     * Whether a line of the container's log reports a problem: an error or warning from the application
     * or its Weld, or the container finding a thread or class loader left behind.
     */
    default boolean isProblem(String logLine) {
        return java.util.stream.Stream.of("SEVERE", "WARN", "ERROR", "Exception", "memory leak", "failed to stop")
                .anyMatch(logLine::contains);
    }
}
