package io.switchboard.ops;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a failed command ends: one line on stderr, not a stack trace, and the exit code that says
 * whose move it is: 2 when the operator's request was refused, 1 when Kafka (or anything else) failed.
 */
final class FailureReport implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        Throwable failure = unwrap(exception);
        var err = commandLine.getErr();
        if (failure instanceof RefusedException) {
            err.println(commandLine.getColorScheme().errorText("refused: " + failure.getMessage()));
            return ExitCode.USAGE;
        }
        err.println(commandLine.getColorScheme().errorText("failed: " + describe(failure)));
        return ExitCode.SOFTWARE;
    }

    /** The failure and its causes, each once: a Kafka client's own message is often only "failed to create". */
    private static String describe(Throwable failure) {
        var text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    /** The Kafka clients' futures wrap the failure that says what went wrong. */
    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
