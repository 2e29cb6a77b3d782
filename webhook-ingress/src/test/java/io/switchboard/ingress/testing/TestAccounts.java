package io.switchboard.ingress.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;

/**
 * Stands in for the orchestrator on accounts.v1: signed AccountConfigured with sealed credentials; and
 * for anyone else who can write the topic: tombstones, events signed with a key nobody trusts or with
 * another service's key.
 */
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

    /** A signed configuration of the given revision, as the orchestrator writes it ({@link #send} publishes it). */
    public static CloudEvent configuration(String accountId, long revision, ProviderCredential... credentials) {
        var configured = new AccountConfigured(
                accountId, accountId, List.of(), List.of(), List.of(credentials), Instant.now(), revision);
        return TestEnvelopes.trusted(ORCHESTRATOR)
                .wrap(
                        EventTypes.ACCOUNT_CONFIGURED,
                        EventIds.of("test-account", accountId, Long.toString(revision)),
                        accountId,
                        configured.configuredAt(),
                        configured);
    }

    /** A signed closing of the account at the given revision, as the orchestrator writes it ({@link #send} publishes it). */
    public static CloudEvent closing(String accountId, long revision) {
        var closed = new AccountClosed(accountId, Instant.now(), revision);
        return TestEnvelopes.trusted(ORCHESTRATOR)
                .wrap(
                        EventTypes.ACCOUNT_CLOSED,
                        EventIds.of("test-account-closed", accountId, Long.toString(revision)),
                        accountId,
                        closed.closedAt(),
                        closed);
    }

    /** Publishes the event to accounts.v1 under the account's key, again if it was published before. */
    public static void send(String bootstrapServers, String accountId, CloudEvent event) {
        try (var events = new SignedEvents(bootstrapServers, ORCHESTRATOR)) {
            events.send(Topic.ACCOUNTS, accountId, event);
        }
    }

    /**
     * As {@link #configure(String, String, ProviderCredential...)}, signed with the trusted key of
     * {@code producer} (another service than the orchestrator, which alone may configure accounts).
     */
    public static void configureSignedAs(
            String bootstrapServers, String producer, String accountId, ProviderCredential... credentials) {
        try (var events = new SignedEvents(bootstrapServers, ORCHESTRATOR)) {
            var configured = configured(accountId, credentials);
            CloudEvent foreign = events.signAs(
                    producer,
                    EventTypes.ACCOUNT_CONFIGURED,
                    id(configured),
                    accountId,
                    configured.configuredAt(),
                    configured);
            events.send(Topic.ACCOUNTS, accountId, foreign);
        }
    }

    /** A record with the account's key and no value, which nobody signs: it must delete nothing. */
    public static void publishTombstone(String bootstrapServers, String accountId) {
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
