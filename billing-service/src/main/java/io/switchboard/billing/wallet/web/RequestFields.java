package io.switchboard.billing.wallet.web;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Which field of a request a framework error is about, named as the API's clients know it. */
final class RequestFields {

    private RequestFields() {}

    /** One broken constraint: the field (a body property, else the parameter) and its message. */
    record Violation(String field, String message) {}

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
}
