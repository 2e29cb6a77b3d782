package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each process of the run (the server under test, the broker, this driver) and
 * by the whole machine, so each result says where the two cores went, including to anything else
 * running at the time.
 */
final class CpuMeter {

    static final String MACHINE = "machine";
    static final String BROKER = "broker";
    static final String DRIVER = "driver";

    private final Map<String, ProcessHandle> processes;

    CpuMeter(Map<String, ProcessHandle> processes) {
        this.processes = processes;
    }

    /** The run's processes: both servers, the broker (the child JVM running kafka.Kafka) and this driver. */
    static CpuMeter forRun(long ingressPid, long barePid) {
        var processes = new LinkedHashMap<String, ProcessHandle>();
        processes.put(Measurement.INGRESS, ProcessHandle.of(ingressPid).orElseThrow());
        processes.put(Measurement.BARE, ProcessHandle.of(barePid).orElseThrow());
        ProcessHandle.current()
                .children()
                .filter(CpuMeter::runsBroker)
                .findFirst()
                .ifPresent(broker -> processes.put(BROKER, broker));
        processes.put(DRIVER, ProcessHandle.current());
        return new CpuMeter(processes);
    }

    /** Read from /proc: the JDK may leave a command line as long as the broker's (its classpath) unreported. */
    private static boolean runsBroker(ProcessHandle process) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                            StandardCharsets.ISO_8859_1)
                    .contains("\0kafka.Kafka\0");
        } catch (IOException e) {
            return false;
        }
    }

    /** CPU seconds used so far, by process name and for the machine as a whole. */
    Map<String, Double> sample() {
        var seconds = new LinkedHashMap<String, Double>();
        processes.forEach((name, process) -> seconds.put(
                name, process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9));
        seconds.put(MACHINE, machineBusySeconds());
        seconds.put("wall", System.nanoTime() / 1e9);
        return seconds;
    }

    /** Cores busy on average between two samples, by process name and for the machine. */
    static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after) {
        double wall = after.get("wall") - before.get("wall");
        var cores = new LinkedHashMap<String, Double>();
        after.forEach((name, seconds) -> {
            if (!name.equals("wall")) {
                cores.put(name, (seconds - before.get(name)) / wall);
            }
        });
        return cores;
    }

    /** The first line of /proc/stat: every CPU's time in clock ticks (USER_HZ, 100 on Linux), idle, iowait and steal excluded. */
    private static double machineBusySeconds() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 8); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
