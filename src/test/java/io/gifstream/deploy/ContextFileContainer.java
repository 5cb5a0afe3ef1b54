package io.gifstream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A container that deploys what a context file names and undeploys when the file goes (Tomcat, Jetty):
 * undeploy moves the file out of the container's sight, redeploy puts it back.
 */
interface ContextFileContainer extends DeployedContainer {
    /** The application's context file in the container's base under {@code work}. */
    Path contextFile(Path work);

    @Override
    default void undeploy(Path work) throws IOException {
        Files.move(contextFile(work), parked(work), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    default void redeploy(Path work) throws IOException {
        Files.move(parked(work), contextFile(work));
    }

    private Path parked(Path work) {
        return work.resolve(contextFile(work).getFileName() + ".undeployed");
    }
}
