package io.switchboard.deploy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.signing.Ed25519Keys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Talks to a running stack through its public edges only: HTTP APIs (with bearer tokens of the stack's
 * issuer, each with the scopes its call needs) and Kafka topics.
 */
final class StackClient {

    private final LocalStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final EventEnvelopes envelopes;

    StackClient(LocalStack stack) {
        this.stack = stack;
        Ed25519Keys.KeyPair reader = Ed25519Keys.generate("e2e-reader");
        this.envelopes = new EventEnvelopes(
                URI.create("/switchboard/e2e"),
                new EventSigner(reader.keyId(), reader.privateKey()),
                new EventVerifier(stack.secrets().trustedKeys(), stack.secrets().keyProducers()));
    }

    void publishCallRequest(CallRequest request) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                            Topic.CALL_REQUESTS.topicName(),
                            request.requestId(),
                            EventJson.mapper().writeValueAsString(request)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator stands in for the provider: its API takes no token. */
    /** {@code POST /api/call-requests} as the demo account (calls:write): the dialer's answer. */
    JsonNode postCallRequest(CallRequest request) {
        return send(
                "POST",
                stack.url(StackService.CAMPAIGN_DIALER) + "/api/call-requests",
                stack.tokens().forAccount(request.accountId(), "calls:write"),
                request);
    }

    /** Puts {@code number} on the account's do-not-call list. */
    JsonNode listDoNotCall(String accountId, String number) {
        return send(
                "PUT",
                stack.url(StackService.CAMPAIGN_DIALER) + "/api/do-not-call/" + accountId + "/" + number,
                stack.tokens().forAccount(accountId, "calls:write"),
                Map.of("reason", "asked not to be called"));
    }

    /** What the call log knows of a request, or null while it knows nothing. */
    JsonNode callRequest(String requestId) {
        var request = HttpRequest.newBuilder(
                        URI.create(stack.url(StackService.CALL_LOG_SERVICE) + "/api/call-requests/" + requestId))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + demoCallReader())
                .build();
        HttpResponse<String> response = exchange(request);
        return response.statusCode() == 404 ? null : EventJson.mapper().readTree(response.body());
    }

    JsonNode simulator(String method, String path, Object body) {
        return send(method, stack.url(StackService.TELEPHONY_SIMULATOR) + path, null, body);
    }

    BigDecimal balance(String accountId) {
        return new BigDecimal(send(
                        "GET",
                        stack.url(StackService.BILLING_SERVICE) + "/api/wallets/" + accountId,
                        stack.tokens().forAccount(accountId, "billing:read"),
                        null)
                .path("balance")
                .asString());
    }

    /** The demo account's calls, as the account itself reads them (unmasked: calls:pii). */
    List<JsonNode> callsOfRequests(Collection<String> requestIds) {
        JsonNode page =
                send("GET", stack.url(StackService.CALL_LOG_SERVICE) + "/api/calls?size=500", demoCallReader(), null);
        var found = new ArrayList<JsonNode>();
        page.path("items").forEach(call -> {
            if (requestIds.contains(call.path("requestId").asString(""))) {
                found.add(call);
            }
        });
        return found;
    }

    JsonNode call(String callId) {
        var request = HttpRequest.newBuilder(
                        URI.create(stack.url(StackService.CALL_LOG_SERVICE) + "/api/calls/" + callId))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + demoCallReader())
                .build();
        HttpResponse<String> response = exchange(request);
        return response.statusCode() == 404 ? null : EventJson.mapper().readTree(response.body());
    }

    /** Reads the whole ledger and returns the charges of these calls, once {@code expected} are there. */
    List<CallCharged> chargesFor(Collection<String> callIds, int expected) {
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "e2e-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                deserializer)) {
            consumer.subscribe(List.of(Topic.LEDGER.topicName()));
            var charges = new ArrayList<CallCharged>();
            long idlePolls = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Keep reading a little after the expected count, so that a second debit would be seen.
            while (System.nanoTime() < deadline && (charges.size() < expected || idlePolls < 6)) {
                var records = consumer.poll(Duration.ofMillis(500));
                idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
                for (var record : records) {
                    ReceivedEvent<Object> event = envelopes.unwrap(record.value());
                    if (event.is(EventTypes.CALL_CHARGED)) {
                        CallCharged charge = event.as(EventTypes.CALL_CHARGED).payload();
                        if (callIds.contains(charge.callId())) {
                            charges.add(charge);
                        }
                    }
                }
            }
            return charges;
        }
    }

    /** The account's audit trail as the platform operator reads it from the call log, newest first. */
    List<JsonNode> auditTrail(String accountId) {
        JsonNode page = send(
                "GET",
                stack.url(StackService.CALL_LOG_SERVICE) + "/api/audit?size=500&accountId=" + accountId,
                stack.tokens().operator(),
                null);
        var entries = new ArrayList<JsonNode>();
        page.path("items").forEach(entries::add);
        return entries;
    }

    /** An actuator read, on the service's management port. */
    JsonNode actuator(StackService service, String path) {
        return send("GET", stack.managementUrl(service) + path, null, null);
    }

    /** The service's Prometheus metrics, as text. */
    String metrics(StackService service) {
        var request = HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return exchange(request).body();
    }

    /** What a resource server reads first to find the issuer's keys. */
    JsonNode issuerDiscovery() {
        return send("GET", stack.issuerUrl() + "/.well-known/openid-configuration", null, null);
    }

    private String demoCallReader() {
        return stack.tokens().forAccount(StackConfig.DEMO_ACCOUNT, "calls:read", "calls:pii");
    }

    /** @param token a bearer token, or null where the API takes none */
    private JsonNode send(String method, String url, String token, Object body) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    EventJson.mapper().writeValueAsString(body)));
        }
        HttpResponse<String> response = exchange(builder.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank()
                ? EventJson.mapper().createObjectNode()
                : EventJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
