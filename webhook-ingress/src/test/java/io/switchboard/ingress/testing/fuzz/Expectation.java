package io.switchboard.ingress.testing.fuzz;

import java.util.List;

import io.switchboard.ingress.testing.RawExchange.Answers;
import io.switchboard.ingress.testing.RawExchange.Ending;

/** What a category of bad requests must be answered with. Silence and 5xx are never acceptable. */
public enum Expectation {

    /** At least one answer, and every answer a 4xx. */
    CLIENT_ERROR,
    /** Every answer a 4xx, or none because the connection was closed: a body the client cut short. */
    CLIENT_ERROR_OR_CLOSED,
    /** Exactly one answer, 400: the request was authentic but its content is not. */
    BAD_REQUEST,
    /** Exactly one answer, 403. */
    FORBIDDEN,
    /** Exactly one answer, 401 or 403. */
    UNAUTHORIZED_OR_FORBIDDEN;

    public boolean accepts(Answers answers) {
        if (answers.ending() == Ending.SILENT || answers.anyServerError()) {
            return false;
        }
        boolean allClientErrors = answers.statuses().stream().allMatch(status -> status >= 400 && status < 500);
        return switch (this) {
            case CLIENT_ERROR -> !answers.statuses().isEmpty() && allClientErrors;
            case CLIENT_ERROR_OR_CLOSED ->
                allClientErrors && (!answers.statuses().isEmpty() || answers.ending() != Ending.OPEN);
            case BAD_REQUEST -> answers.statuses().equals(List.of(400));
            case FORBIDDEN -> answers.statuses().equals(List.of(403));
            case UNAUTHORIZED_OR_FORBIDDEN ->
                answers.statuses().equals(List.of(401)) || answers.statuses().equals(List.of(403));
        };
    }
}
