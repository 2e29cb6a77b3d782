package io.switchboard.bench;

import java.net.URI;
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
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Gives the ingress the bench account the way production does: a signed AccountConfigured on
 * accounts.v1 with the Twilio auth token sealed for that account, as the orchestrator publishes it.
 */
final class AccountSeed {

    private AccountSeed() {}

    static void publish(String bootstrapServers, BenchAccount account) {
        var keys = account.orchestratorKeys();
        var envelopes = new EventEnvelopes(
                URI.create("/switchboard/call-orchestrator"),
                new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(), Map.of()));
        var credential = new ProviderCredential(
                "twilio",
                account.accountSid(),
                account.secretBox().seal(account.authToken(), account.accountId()),
                null);
        var configured = new AccountConfigured(
                account.accountId(), "Benchmark", List.of(), List.of(), List.of(credential), Instant.now());
        CloudEvent event = envelopes.wrap(
                EventTypes.ACCOUNT_CONFIGURED,
                EventIds.of(
                        "bench-account",
                        account.accountId(),
                        configured.configuredAt().toString()),
                account.accountId(),
                configured.configuredAt(),
                configured);
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(Topic.ACCOUNTS.topicName(), account.accountId(), event))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish the bench account", e);
        }
    }
}
