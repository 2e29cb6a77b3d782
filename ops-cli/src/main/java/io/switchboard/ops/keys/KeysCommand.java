package io.switchboard.ops.keys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard-ops keys}: what the compacted topics still hold signed or sealed with each key,
 * and re-signing (and re-sealing) it with the current ones, so that an old key can be retired without
 * the accounts, wallets and call states it signed disappearing from every reader.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Signing and sealing keys on the compacted topics: count what each key holds, re-sign it.",
        subcommands = {KeyStatusCommand.class, ResignCommand.class})
public final class KeysCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: status or resign");
    }
}
