package io.switchboard.ingress.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SignedEvents;

/** Stands in for the orchestrator on accounts.v1: signed AccountConfigured with sealed credentials, and tombstones. */
public final class TestAccounts {

    private static final String ORCHESTRATOR = "/switchboard/call-orchestrator";

    private TestAccounts() {}

    public static ProviderCredential twilio(SecretBox box, String accountId, String accountSid, String authToken) {
        return new ProviderCredential("twilio", accountSid, box.seal(authToken, accountId), null);
    }

    public static ProviderCredential vapi(SecretBox box, String accountId, String secret) {
        return new ProviderCredential("vapi", null, box.seal(secret, accountId), "secret-header");
    }

    public static void configure(String bootstrapServers, String accountId, ProviderCredential... credentials) {
        try (var events = new SignedEvents(bootstrapServers, ORCHESTRATOR)) {
            var configured = configured(accountId, credentials);
            events.send(
                    Topic.ACCOUNTS,
                    accountId,
                    events.sign(
                            EventTypes.ACCOUNT_CONFIGURED,
                            id(configured),
                            accountId,
                            configured.configuredAt(),
                            configured));
        }
    }

    /** As {@link #configure(String, String, ProviderCredential...)}, signed by a key the ingress does not trust. */
    public static void configureUntrusted(
            String bootstrapServers, String accountId, ProviderCredential... credentials) {
        try (var events = new SignedEvents(bootstrapServers, ORCHESTRATOR)) {
            var configured = configured(accountId, credentials);
            CloudEvent forged = events.signUntrusted(
                    EventTypes.ACCOUNT_CONFIGURED, id(configured), accountId, configured.configuredAt(), configured);
            events.send(Topic.ACCOUNTS, accountId, forged);
        }
    }

    /** Removes the account, as compaction will: a record with its key and no value. */
    public static void remove(String bootstrapServers, String accountId) {
        sendBytes(bootstrapServers, accountId, null);
    }

    /** A record under the account's key that is not a CloudEvent: plain text, no {@code ce_*} headers. */
    public static void publishNotACloudEvent(String bootstrapServers, String accountId) {
        sendBytes(bootstrapServers, accountId, "not a cloud event".getBytes(StandardCharsets.UTF_8));
    }

    private static AccountConfigured configured(String accountId, ProviderCredential... credentials) {
        return new AccountConfigured(accountId, accountId, List.of(), List.of(), List.of(credentials), Instant.now());
    }

    private static String id(AccountConfigured configured) {
        return EventIds.of(
                "test-account",
                configured.accountId(),
                configured.configuredAt().toString());
    }

    private static void sendBytes(String bootstrapServers, String accountId, byte[] value) {
        try (var events = new SignedEvents(bootstrapServers, ORCHESTRATOR)) {
            events.sendBytes(Topic.ACCOUNTS, accountId, value);
        }
    }
}
