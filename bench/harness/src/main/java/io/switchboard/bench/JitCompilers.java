package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How busy a JVM's JIT compiler threads are, from /proc. A big Spring application keeps C2 busy for
 * minutes under load on two cores; measuring before it settles measures the compiler, not the code.
 */
final class JitCompilers {

    private final long pid;

    JitCompilers(long pid) {
        this.pid = pid;
    }

    /** CPU seconds the compiler threads (C1 and C2) have used so far. */
    double cpuSeconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(JitCompilers::isCompiler)
                            .mapToLong(JitCompilers::ticks)
                            .sum()
                    / 100.0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isCompiler(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime, in clock ticks (USER_HZ, 100 on Linux). */
    private static long ticks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
