package io.switchboard.calllog.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The bounds every search of this service keeps (the call log's and the audit trail's), and the parsing
 * of the parameters they share. A bad parameter is an {@link InvalidParameterException} naming it.
 */
public final class QueryParameters {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /**
     * How deep offset paging may go. The database skips every row before the page, so a deep page
     * costs a scan of everything before it; past this, a query must narrow itself with from/to.
     */
    public static final int MAX_OFFSET = 10_000;
    /** The longest from/to window one query may span. */
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    /** A page: its number from 0 and its size. */
    public record Page(int number, int size) {

        public long offset() {
            return (long) number * size;
        }
    }

    /** A half-open {@code [from, to)} window, either end open. */
    public record Window(Optional<Instant> from, Optional<Instant> to) {}

    private QueryParameters() {}

    /** {@code from} before {@code to}, at most {@link #MAX_RANGE} apart. */
    public static Window window(String from, String to) {
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw new InvalidParameterException("from", "from must be before to");
        }
        if (start.isPresent()
                && end.isPresent()
                && Duration.between(start.get(), end.get()).compareTo(MAX_RANGE) > 0) {
            throw new InvalidParameterException(
                    "to", "from and to may be at most " + MAX_RANGE.toDays() + " days apart");
        }
        return new Window(start, end);
    }

    /**
     * A page from 0 of 1 to {@link #MAX_SIZE} items, reaching no deeper than {@link #MAX_OFFSET}.
     *
     * @param items what the pages hold, for the message, e.g. {@code calls}
     */
    public static Page page(String page, String size, String items) {
        int pageNumber = integer("page", page, 0);
        if (pageNumber < 0) {
            throw new InvalidParameterException("page", "page must be 0 or more");
        }
        int pageSize = integer("size", size, DEFAULT_SIZE);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidParameterException("size", "size must be between 1 and " + MAX_SIZE);
        }
        var result = new Page(pageNumber, pageSize);
        if (result.offset() + pageSize > MAX_OFFSET) {
            throw new InvalidParameterException(
                    "page",
                    "page * size may reach at most the first " + MAX_OFFSET + " " + items
                            + "; narrow the query with from and to");
        }
        return result;
    }

    /** An optional parameter that, when given, may not be blank. */
    public static Optional<String> notBlank(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidParameterException(name, name + " must not be blank");
        }
        return Optional.ofNullable(value);
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a whole number");
        }
    }
}
