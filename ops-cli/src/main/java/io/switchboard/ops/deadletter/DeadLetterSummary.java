package io.switchboard.ops.deadletter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.switchboard.events.deadletter.DeadLetterBacklog;

/** The line under a listing: how many, of which exception, and how many still wait for an operator. */
final class DeadLetterSummary {

    private DeadLetterSummary() {}

    static String of(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return "no dead letters";
        }
        Map<String, Long> byException = deadLetters.stream()
                .collect(Collectors.groupingBy(
                        deadLetter -> deadLetter.exceptionSimpleName().isEmpty()
                                ? "(no exception)"
                                : deadLetter.exceptionSimpleName(),
                        TreeMap::new,
                        Collectors.counting()));
        long unhandled =
                deadLetters.stream().filter(deadLetter -> !deadLetter.handled()).count();
        return deadLetters.size() + (deadLetters.size() == 1 ? " dead letter" : " dead letters")
                + "; by exception: "
                + byException.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", "))
                + "; " + unhandled + " unhandled (past the " + DeadLetterBacklog.OPERATORS_GROUP + " offset)";
    }
}
