package io.switchboard.ingress.provider.twilio.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Function;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;

/**
 * Typed reads of Twilio's form fields. A required field that is missing, or a present field that
 * does not parse, is bad input (400) named in the answer; an absent optional field is null.
 */
final class TwilioParams {

    private final WebhookRequest request;

    TwilioParams(WebhookRequest request) {
        this.request = request;
    }

    String required(String name) {
        String value = request.param(name);
        if (value == null) {
            throw new BadWebhookException(name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return request.param(name);
    }

    Integer optionalInt(String name) {
        String value = request.param(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadWebhookException(name + " is not a non-negative number");
    }

    /** Twilio's {@code Timestamp} is RFC 2822, e.g. {@code Tue, 04 Jul 2023 18:43:02 +0000}. */
    Instant optionalRfc2822(String name) {
        String value = request.param(name);
        if (value == null) {
            return null;
        }
        try {
            return Rfc2822Timestamps.parse(value.trim());
        } catch (DateTimeException e) {
            throw new BadWebhookException(name + " is not an RFC 2822 date");
        }
    }

    <E> E required(String name, Function<String, E> parser) {
        String value = required(name);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadWebhookException(name + " has an unknown value");
        }
    }
}
