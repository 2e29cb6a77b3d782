package io.switchboard.ops;

import io.switchboard.ops.deadletter.DeadLetterCommand;
import io.switchboard.ops.keys.KeysCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard-ops}: what an operator does to a running Switchboard from a terminal. Exit
 * codes: 0 done, 2 bad usage or refused ({@link RefusedException}), 1 anything else, a Kafka error
 * most of all.
 */
@Command(
        name = "switchboard-ops",
        mixinStandardHelpOptions = true,
        versionProvider = SwitchboardOps.Version.class,
        description = "Operate a running Switchboard.",
        subcommands = {DeadLetterCommand.class, KeysCommand.class})
public final class SwitchboardOps implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@link #main} runs it; tests run it in-process with their own out and err. */
    public static CommandLine commandLine() {
        return new CommandLine(new SwitchboardOps()).setExecutionExceptionHandler(new FailureReport());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: dlt or keys");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SwitchboardOps.class.getPackage().getImplementationVersion();
            return new String[] {"switchboard-ops " + (version == null ? "(development build)" : version)};
        }
    }
}
