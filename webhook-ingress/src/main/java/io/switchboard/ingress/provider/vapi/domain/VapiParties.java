package io.switchboard.ingress.provider.vapi.domain;

import io.switchboard.events.call.CallDirection;
import io.switchboard.ingress.webhook.domain.BadWebhookException;

/**
 * Who called whom. VAPI names our number ({@code phoneNumber.number}) and the other party
 * ({@code customer.number}) rather than from and to, and the call's {@code type} says which way
 * the call went: inbound, the customer called our number; outbound, the other way round.
 */
record VapiParties(CallDirection direction, String from, String to) {

    static VapiParties of(VapiMessage message) {
        String ours = ourNumber(message);
        String customer = customerNumber(message);
        String type = message.text("call", "type");
        if ("inboundPhoneCall".equals(type)) {
            return new VapiParties(CallDirection.INBOUND, customer, ours);
        }
        if ("outboundPhoneCall".equals(type)) {
            return new VapiParties(CallDirection.OUTBOUND, ours, customer);
        }
        return new VapiParties(null, customer, ours);
    }

    /** An assistant-request is always for a call to one of our numbers, so our number is required. */
    static VapiParties inbound(VapiMessage message) {
        String ours = ourNumber(message);
        if (ours == null) {
            throw new BadWebhookException("message.phoneNumber.number is required");
        }
        String customer = customerNumber(message);
        return new VapiParties(CallDirection.INBOUND, customer == null ? VapiEventMapper.ANONYMOUS : customer, ours);
    }

    private static String ourNumber(VapiMessage message) {
        return VapiCallReports.first(
                message.text("phoneNumber", "number"), message.text("call", "phoneNumber", "number"));
    }

    private static String customerNumber(VapiMessage message) {
        return VapiCallReports.first(message.text("customer", "number"), message.text("call", "customer", "number"));
    }
}
