package io.switchboard.testsupport;

import java.util.concurrent.TimeUnit;

/** Stopping the JVMs the tests and the local stack start: politely first, then for sure. */
public final class ChildProcesses {

    private static final long GRACE_SECONDS = 30;
    private static final long KILL_SECONDS = 10;

    private ChildProcesses() {}

    /** SIGTERM (graceful shutdown), and SIGKILL if it has not exited within the grace period. */
    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(KILL_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
