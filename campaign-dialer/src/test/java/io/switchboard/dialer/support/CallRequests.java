package io.switchboard.dialer.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.switchboard.testsupport.DialableAccounts;
import io.switchboard.testsupport.SignedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Call-request JSON for tests: valid by default, each field replaceable or removable. */
public final class CallRequests {

    public static final String TO = "+14155552671";
    public static final String FROM = "+14155550123";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private CallRequests() {}

    public static CallRequests valid() {
        var request = new CallRequests();
        request.fields.put("requestId", "req-" + UUID.randomUUID());
        request.fields.put("accountId", "acct-" + UUID.randomUUID().toString().substring(0, 8));
        request.fields.put("to", TO);
        request.fields.put("from", FROM);
        request.fields.put("assistantId", "asst-1");
        request.fields.put("metadata", Map.of("campaign", "spring-sale"));
        return request;
    }

    public CallRequests with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public CallRequests without(String field) {
        fields.remove(field);
        return this;
    }

    public String requestId() {
        return (String) fields.get("requestId");
    }

    public String accountId() {
        return (String) fields.get("accountId");
    }

    /**
     * The account as the dialer must know it before dialing for it: configured with {@link #FROM} and the
     * assistant {@code asst-1} on the fake Twilio account, and a wallet of 100 USD at 0.05 a minute.
     */
    public static void prepareAccount(SignedEvents events, String accountId) {
        DialableAccounts.configure(
                events, accountId, FROM, "asst-1", FakeTwilioServer.ACCOUNT_SID, FakeTwilioServer.AUTH_TOKEN);
        DialableAccounts.wallet(events, accountId, "100.00", "0.05", 1);
    }

    /** The {@code accountId} of a request's JSON, empty when it has none. */
    public static Optional<String> accountOf(byte[] json) {
        try {
            var account = JSON.readTree(json).get("accountId");
            return account != null && account.isString() ? Optional.of(account.asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public byte[] json() {
        return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    }
}
