package io.switchboard.calllog.call.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.events.call.CallStatus;

/** Turns the raw query parameters of a search into a {@link CallQuery}, or names the one that is wrong. */
final class CallQueryParameters {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /**
     * How deep offset paging may go. The database skips every row before the page, so a deep page
     * costs a scan of everything before it; past this, a query must narrow itself with from/to.
     */
    static final int MAX_OFFSET = 10_000;
    /** The longest from/to window one query may span. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private CallQueryParameters() {}

    static CallQuery parse(String status, String accountId, String from, String to, String page, String size) {
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
        int pageNumber = integer("page", page, 0);
        if (pageNumber < 0) {
            throw new InvalidParameterException("page", "page must be 0 or more");
        }
        int pageSize = integer("size", size, DEFAULT_SIZE);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidParameterException("size", "size must be between 1 and " + MAX_SIZE);
        }
        var query = new CallQuery(status(status), accountId(accountId), start, end, pageNumber, pageSize);
        if (query.offset() + pageSize > MAX_OFFSET) {
            throw new InvalidParameterException(
                    "page",
                    "page * size may reach at most the first " + MAX_OFFSET
                            + " calls; narrow the query with from and to");
        }
        return query;
    }

    private static Optional<CallStatus> status(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CallStatus.fromWire(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "status must be one of " + wireValues());
        }
    }

    private static Optional<String> accountId(String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidParameterException("accountId", "accountId must not be blank");
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

    private static String wireValues() {
        return String.join(
                ", ",
                Arrays.stream(CallStatus.values()).map(CallStatus::wireValue).toList());
    }
}
