package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The runnable jars the build left in a module's target folder. */
final class Jars {

    private Jars() {}

    /** The newest {@code *-exec.jar} of the module at {@code modulePath} (relative to the repository). */
    static Path newest(Path repository, String modulePath) {
        Path target = repository.resolve(modulePath).resolve("target");
        Path newest = null;
        try (var jars = Files.newDirectoryStream(target, "*-exec.jar")) {
            for (Path jar : jars) {
                if (newest == null
                        || jar.toFile().lastModified() > newest.toFile().lastModified()) {
                    newest = jar;
                }
            }
        } catch (IOException e) {
            // no target folder yet: reported below
        }
        if (newest == null) {
            throw new IllegalStateException("No runnable jar in " + target + ": bench/run builds it");
        }
        return newest;
    }
}
