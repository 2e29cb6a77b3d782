package io.switchboard.calllog.call.web;

import java.util.Arrays;
import java.util.Optional;

import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.web.InvalidParameterException;
import io.switchboard.calllog.web.QueryParameters;
import io.switchboard.events.call.CallStatus;

/**
 * Turns the raw query parameters of a search into a {@link CallQuery}, or names the one that is wrong.
 * Window and paging keep the bounds of every search of this service ({@link QueryParameters}).
 */
final class CallQueryParameters {

    static final int DEFAULT_SIZE = QueryParameters.DEFAULT_SIZE;
    static final int MAX_SIZE = QueryParameters.MAX_SIZE;
    static final int MAX_OFFSET = QueryParameters.MAX_OFFSET;

    private CallQueryParameters() {}

    static CallQuery parse(String status, String accountId, String from, String to, String page, String size) {
        QueryParameters.Window window = QueryParameters.window(from, to);
        QueryParameters.Page paging = QueryParameters.page(page, size, "calls");
        return new CallQuery(
                status(status),
                QueryParameters.notBlank("accountId", accountId),
                window.from(),
                window.to(),
                paging.number(),
                paging.size());
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

    private static String wireValues() {
        return String.join(
                ", ",
                Arrays.stream(CallStatus.values()).map(CallStatus::wireValue).toList());
    }
}
