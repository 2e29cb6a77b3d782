package io.switchboard.ops.deadletter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard-ops dlt}: the records consumers sent to a {@code <topic>-dlt} because they can
 * never be applied as they are (poison) or because an operator parked them. List them, put chosen
 * ones back on the topic they came from once the cause is fixed, and mark them handled.
 */
@Command(
        name = "dlt",
        mixinStandardHelpOptions = true,
        description = "Dead letters: list them, re-drive them to where they came from, mark them handled.",
        subcommands = {ListDeadLettersCommand.class, RedriveDeadLettersCommand.class, AckDeadLettersCommand.class})
public final class DeadLetterCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: list, redrive or ack");
    }
}
