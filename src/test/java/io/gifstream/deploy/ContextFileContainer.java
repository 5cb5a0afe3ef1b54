package io.gifstream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

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

    /**
     * The file that holds the gifstream settings in the container's own idiom (the context file or its
     * override descriptor), and the element the settings end with.
     */
    Path settingsFile(Path work);

    String settingsEnd();

    /** One setting as that file writes it; the tests pass keys and values that need no XML escaping. */
    String setting(String key, String value);

    /**
     * Adds one setting where the administrator would and touches the context file: the container
     * redeploys the application with it. {@link #restoreSettings} takes it back.
     */
    default void addSetting(Path work, String key, String value) throws IOException {
        Path file = settingsFile(work);
        String settings = Files.readString(file);
        Files.writeString(backup(file), settings);
        Files.writeString(file, settings.replace(settingsEnd(), "  " + setting(key, value) + "\n" + settingsEnd()));
        touch(contextFile(work));
    }

    /** The settings as before {@link #addSetting}; the container redeploys the application with them. */
    default void restoreSettings(Path work) throws IOException {
        Path file = settingsFile(work);
        Files.move(backup(file), file, StandardCopyOption.REPLACE_EXISTING);
        touch(contextFile(work));
    }

    /** What the container logs about the application besides its console: where a failed start is explained. */
    default String applicationLog(Path work) throws IOException {
        return "";
    }

    private static Path backup(Path file) {
        return file.resolveSibling(file.getFileName() + ".before");
    }

    /** The file is newer than the deployer last saw it, whatever the clock's granularity. */
    private static void touch(Path file) throws IOException {
        FileTime seen = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(System.currentTimeMillis(), seen.toMillis() + 2000)));
    }

    private Path parked(Path work) {
        return work.resolve(contextFile(work).getFileName() + ".undeployed");
    }
}
