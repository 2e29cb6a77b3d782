package io.switchboard.ingress.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Stands in for the orchestrator on accounts.v1: signed AccountConfigured with sealed credentials, and tombstones. */
public final class TestAccounts {

    private static final EventEnvelopes ENVELOPES = TestEnvelopes.create("/switchboard/call-orchestrator");

    private TestAccounts() {
    }

    public static ProviderCredential twilio(SecretBox box, String accountId, String accountSid, String authToken) {
        return new ProviderCredential("twilio", accountSid, box.seal(authToken, accountId), null);
    }

    public static ProviderCredential vapi(SecretBox box, String accountId, String secret) {
        return new ProviderCredential("vapi", null, box.seal(secret, accountId), "secret-header");
    }

    public static void configure(String bootstrapServers, String accountId, ProviderCredential... credentials) {
        configure(bootstrapServers, ENVELOPES, accountId, credentials);
    }

    /** As {@link #configure(String, String, ProviderCredential...)}, signed by {@code envelopes} (e.g. untrusted). */
    public static void configure(String bootstrapServers, EventEnvelopes envelopes, String accountId,
            ProviderCredential... credentials) {
        var configured = new AccountConfigured(accountId, accountId, List.of(), List.of(), List.of(credentials),
                Instant.now());
        CloudEvent event = envelopes.wrap(EventTypes.ACCOUNT_CONFIGURED,
                EventIds.of("test-account", accountId, configured.configuredAt().toString()), accountId,
                configured.configuredAt(), configured);
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        try (var producer = new KafkaProducer<>(config(bootstrapServers), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topic.ACCOUNTS.topicName(), accountId, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
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

    private static void sendBytes(String bootstrapServers, String accountId, byte[] value) {
        try (var producer = new KafkaProducer<>(config(bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topic.ACCOUNTS.topicName(), accountId, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
    }
}
