package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What a result depends on, printed above it: when, on what machine and JDK, with which settings. */
final class RunConditions {

    private final BenchOptions options;
    private final Path runDirectory;

    RunConditions(BenchOptions options, Path runDirectory) {
        this.options = options;
        this.runDirectory = runDirectory;
    }

    String markdown() {
        return """
                ## Run of %s

                - machine: %d cores (%s), %s memory; load generator, broker and servers all on it
                - JDK: %s %s
                - both servers' JVM flags: `%s`
                - ingress settings beyond its application.yml: %s
                - each measured load: %d s, after an unmeasured warm-up per endpoint (at least %d s, until its JIT \
                compilers settle); fixed rates %s/s; saturation with %d connections
                - logs%s: `%s`
                """.formatted(
                        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        Runtime.getRuntime().availableProcessors(),
                        cpuModel(),
                        memory(),
                        System.getProperty("java.vm.vendor"),
                        Runtime.version(),
                        String.join(" ", options.jvmFlags()),
                        options.ingressProperties().isEmpty() ? "none" : "`" + options.ingressProperties() + "`",
                        options.duration().toSeconds(),
                        options.warmup().toSeconds(),
                        options.rates(),
                        options.connections(),
                        options.profile() ? " and profile" : "",
                        runDirectory);
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name");
    }

    private static String memory() {
        String total = procLine("/proc/meminfo", "MemTotal");
        try {
            return Math.round(Long.parseLong(total.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB";
        } catch (NumberFormatException e) {
            return total;
        }
    }

    private static String procLine(String file, String key) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
