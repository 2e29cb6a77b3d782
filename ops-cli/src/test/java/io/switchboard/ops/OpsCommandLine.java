package io.switchboard.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/** {@code switchboard-ops} run in-process, as {@code main} runs it, with its output kept for assertions. */
public final class OpsCommandLine {

    /** How a run ended: its exit code, stdout and stderr. */
    public record Run(int exitCode, String out, String err) {}

    private OpsCommandLine() {}

    public static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli =
                SwitchboardOps.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Against the broker at {@code bootstrapServers}. */
    public static Run onBroker(String bootstrapServers, String... args) {
        var withBroker = new ArrayList<>(List.of(args));
        withBroker.addAll(List.of("--bootstrap-servers", bootstrapServers));
        return run(withBroker.toArray(String[]::new));
    }
}
