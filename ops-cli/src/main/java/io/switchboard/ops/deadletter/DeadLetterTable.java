package io.switchboard.ops.deadletter;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters as a table for a terminal, one row each. The message comes last and unpadded: it is
 * the long one.
 */
final class DeadLetterTable {

    private static final List<String> HEADINGS =
            List.of("DLT", "OFFSET", "TIME", "ORIGINAL", "REASON", "EXCEPTION", "KEY", "CE_ID", "CE_TYPE", "MESSAGE");

    private DeadLetterTable() {}

    static void print(List<DeadLetter> deadLetters, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        deadLetters.forEach(deadLetter -> rows.add(cells(deadLetter)));
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int column = 0; column < widths.length - 1; column++) {
                line.append(String.format("%-" + widths[column] + "s  ", row.get(column)));
            }
            out.println(line.append(row.getLast()).toString().stripTrailing());
        }
    }

    private static List<String> cells(DeadLetter deadLetter) {
        return List.of(
                deadLetter.topic(),
                Long.toString(deadLetter.offset()),
                deadLetter.time().toString(),
                original(deadLetter),
                deadLetter.reason(),
                deadLetter.exceptionSimpleName(),
                deadLetter.key().orElse(""),
                deadLetter.header("ce_id").orElse(""),
                deadLetter.header("ce_type").orElse(""),
                deadLetter.exceptionMessage());
    }

    /** {@code topic-partition@offset}, as Kafka's own tools name a record. */
    private static String original(DeadLetter deadLetter) {
        return deadLetter.originalTopic().orElse("?") + "-"
                + (deadLetter.originalPartition().isPresent()
                        ? Integer.toString(deadLetter.originalPartition().getAsInt())
                        : "?")
                + "@"
                + (deadLetter.originalOffset().isPresent()
                        ? Long.toString(deadLetter.originalOffset().getAsLong())
                        : "?");
    }
}
