package io.switchboard.billing.wallet.web;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;

/** Which field of a request a framework error is about, named as the API's clients know it. */
final class RequestFields {

    private RequestFields() {
    }

    /** One broken constraint: the field (a body property, else the parameter) and its message. */
    record Violation(String field, String message) {
    }

    static Violation firstViolation(HandlerMethodValidationException e) {
        ParameterValidationResult result = e.getParameterValidationResults().getFirst();
        if (result instanceof ParameterErrors errors && errors.getFieldError() != null) {
            FieldError error = errors.getFieldError();
            return new Violation(error.getField(), error.getDefaultMessage());
        }
        List<MessageSourceResolvable> errors = result.getResolvableErrors();
        String message = errors.isEmpty() ? "is invalid" : errors.getFirst().getDefaultMessage();
        return new Violation(result.getMethodParameter().getParameterName(), message);
    }

    static JacksonException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** Jackson's path as {@code amount}; empty (a syntax error) means the body as a whole. */
    static String fieldOf(List<JacksonException.Reference> path) {
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
