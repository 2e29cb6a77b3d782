package io.switchboard.events.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * The one shape of an API's RFC 9457 problems, for every service's {@code *Problems} advice: a 400
 * names the field at fault in a {@code field} property under a type of its own, and a 503 says when
 * to retry. Bodies never describe an internal failure.
 */
public final class Problems {

    /** What a client should wait before retrying a 503. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final String TYPES = "https://switchboard.io/problems/";

    private Problems() {}

    /** @param type the last segment of the problem type, e.g. {@code invalid-top-up} */
    public static ResponseEntity<ProblemDetail> badRequest(String type, String title, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPES + type));
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A body that could not be read: malformed JSON ({@code body}), a property of the wrong type
     * (named by its path, e.g. {@code numbers[0].number}), or none at all.
     *
     * @param expected what the body should have been, e.g. {@code a JSON top-up}
     */
    public static ResponseEntity<ProblemDetail> unreadableBody(
            ServerWebInputException e, String type, String title, String expected) {
        JacksonException json = jsonCause(e);
        if (json == null) {
            return badRequest(type, title, "body", "must be " + expected);
        }
        String field = fieldOf(json.getPath());
        return badRequest(
                type, title, field, field.equals("body") ? "is not valid JSON" : field + " has the wrong type");
    }

    public static ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static JacksonException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** Jackson's path as {@code numbers[0].number}; empty (a syntax error) means the body as a whole. */
    private static String fieldOf(List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
