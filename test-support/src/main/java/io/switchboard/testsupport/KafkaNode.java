package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka server (broker, controller or both) run as a child JVM from the {@code kafka_2.13} jars on
 * this process's classpath, so no Docker is needed. Its configuration, data and log live in one
 * directory, which lets it be stopped and started again on the same ports and data.
 */
final class KafkaNode {

    private final Path directory;
    private final String role;
    private final List<String> jvmOptions;
    private Process process;

    /** Writes {@code server.properties} from {@code settings}; {@code role} names the log and the errors. */
    KafkaNode(Path directory, String role, List<String> settings, List<String> jvmOptions) {
        this.directory = directory;
        this.role = role;
        this.jvmOptions = jvmOptions;
        var lines = new ArrayList<>(settings);
        lines.add("log.dirs=" + directory.resolve("data"));
        lines.add("");
        try {
            Files.createDirectories(directory.resolve("data"));
            Files.writeString(properties(), String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats the nodes' storage, side by side, except where an earlier run did, so a restart keeps the data.
     * The tool runs for a second or two: the JIT's first tier is all it needs.
     */
    static void format(String clusterId, List<KafkaNode> nodes) {
        var formatting = new ArrayList<Process>();
        try {
            for (KafkaNode node : nodes) {
                if (Files.notExists(node.directory.resolve("data/meta.properties"))) {
                    List<String> command = node.javaCommand(
                            List.of("-XX:TieredStopAtLevel=1"),
                            "kafka.tools.StorageTool",
                            "format",
                            "--ignore-formatted",
                            "-t",
                            clusterId,
                            "-c",
                            node.properties().toString());
                    formatting.add(new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(node.directory.resolve("format.log").toFile())
                            .start());
                }
            }
            for (Process process : formatting) {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("Formatting Kafka storage failed; see the format.log files in "
                            + nodes.stream().map(node -> node.directory).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            formatting.forEach(Process::destroyForcibly);
        }
    }

    /** Starts the process without waiting for it: several nodes start faster side by side. */
    synchronized void start() {
        List<String> command =
                javaCommand(jvmOptions, "kafka.Kafka", properties().toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** SIGTERM: a broker hands over its leaderships first (controlled shutdown), as under an operator. */
    synchronized void stop() {
        ChildProcesses.stop(process);
        process = null;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    Path directory() {
        return directory;
    }

    String role() {
        return role;
    }

    Path log() {
        return directory.resolve(role + ".log");
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path properties() {
        return directory.resolve("server.properties");
    }

    private List<String> javaCommand(List<String> options, String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of(
                "-Dlogback.configurationFile=" + writeLogConfig(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private String writeLogConfig() {
        Path file = directory.resolve("logback.xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
