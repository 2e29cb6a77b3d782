package io.switchboard.ingress.testing.fuzz;

import java.util.Random;

import io.switchboard.ingress.testing.RawRequest;

/**
 * Valid, correctly signed or authenticated webhooks, to Twilio mostly: what the HTTP-level fuzz
 * breaks, so that only the breakage can be why one is refused.
 */
final class ValidWebhooks {

    private final TwilioRequests twilio;
    private final VapiRequests vapi;

    ValidWebhooks(TwilioRequests twilio, VapiRequests vapi) {
        this.twilio = twilio;
        this.vapi = vapi;
    }

    RawRequest any(Random random) {
        return FuzzValues.chance(random, 0.7) ? twilio.valid(random) : vapi.valid(random);
    }

    /** VAPI's rarely: its body limit is 1MB, so going over it costs more. */
    RawRequest mostlyTwilio(Random random) {
        return FuzzValues.chance(random, 0.1) ? vapi.valid(random) : twilio.valid(random);
    }

    static boolean isVapi(RawRequest request) {
        return request.target().startsWith("/webhooks/vapi/");
    }

    /** The body limit of the request's endpoint. */
    static int bodyLimit(RawRequest request, FuzzLimits limits) {
        return isVapi(request) ? limits.vapiMaxBodyBytes() : limits.maxBodyBytes();
    }
}
