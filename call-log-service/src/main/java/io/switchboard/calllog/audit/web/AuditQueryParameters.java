package io.switchboard.calllog.audit.web;

import java.util.Arrays;
import java.util.Optional;

import io.switchboard.calllog.audit.domain.AuditQuery;
import io.switchboard.calllog.web.InvalidParameterException;
import io.switchboard.calllog.web.QueryParameters;
import io.switchboard.events.audit.AuditAction;

/**
 * Turns the raw query parameters of an audit search into an {@link AuditQuery}, or names the one that is
 * wrong. Window and paging keep the call log's bounds ({@link QueryParameters}): at most 366 days between
 * {@code from} and {@code to}, pages of 1 to 500, no deeper than the first 10,000 entries.
 */
final class AuditQueryParameters {

    private AuditQueryParameters() {}

    static AuditQuery parse(String accountId, String action, String from, String to, String page, String size) {
        QueryParameters.Window window = QueryParameters.window(from, to);
        QueryParameters.Page paging = QueryParameters.page(page, size, "entries");
        return new AuditQuery(
                QueryParameters.notBlank("accountId", accountId),
                action(action),
                window.from(),
                window.to(),
                paging.number(),
                paging.size());
    }

    private static Optional<String> action(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(AuditAction.fromWire(value)
                .map(AuditAction::wireValue)
                .orElseThrow(() -> new InvalidParameterException(
                        "action",
                        "action must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(AuditAction.values())
                                                .map(AuditAction::wireValue)
                                                .toList()))));
    }
}
