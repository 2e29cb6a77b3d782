package io.switchboard.orchestrator.routing.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestKafkaClients;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.KafkaReplyTimeoutException;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Asks for routing decisions as the ingress does: a ReplyingKafkaTemplate on routing-requests.v1. */
class RoutingIT extends OrchestratorIntegrationTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final EventEnvelopes envelopes = TestEnvelopes.trusted();
    private ReplyingKafkaTemplate<String, CloudEvent, CloudEvent> requests;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void startReplyingTemplate() {
        String kafka = SharedKafkaBroker.bootstrapServers();
        var producers = new DefaultKafkaProducerFactory<>(
                TestKafkaClients.producerConfig(kafka),
                new StringSerializer(),
                TestKafkaClients.cloudEventSerializer());
        var consumers = new DefaultKafkaConsumerFactory<>(
                TestKafkaClients.groupConsumerConfig(kafka),
                new StringDeserializer(),
                TestKafkaClients.cloudEventDeserializer());
        var replies = new KafkaMessageListenerContainer<>(
                consumers, new ContainerProperties(Topic.ROUTING_REPLIES.topicName()));
        requests = new ReplyingKafkaTemplate<>(producers, replies);
        requests.setDefaultReplyTimeout(REPLY_TIMEOUT);
        requests.setSharedReplyTopic(true);
        requests.start();
    }

    @AfterEach
    void stopReplyingTemplate() {
        requests.stop();
        requests.destroy();
    }

    @Test
    void whenNumberBelongsToAnAccountThenTheReplyConnectsTheCallToItsAssistant() throws Exception {
        // given an account configured through the API
        String accountId = newAccountId();
        String number = newNumber();
        new AccountsApi(http).configure(accountId, number, "sales", "wss://assistants.example/sales?team=a&b=1");
        String callId = newCallId();

        // when the ingress asks how to answer a call to it
        ConsumerRecord<String, CloudEvent> reply = ask(callId, accountId, number);

        // then the reply is a signed decision with TwiML streaming the call to the assistant
        ReceivedEvent<RoutingDecided> decided = envelopes.unwrap(reply.value()).as(EventTypes.ROUTING_DECIDED);
        assertThat(decided.id()).isEqualTo(EventIds.of("routing", callId));
        assertThat(decided.subject()).isEqualTo(callId);
        assertThat(reply.key()).isEqualTo(callId);
        assertThat(decided.payload().assistantId()).isEqualTo("sales");
        assertThat(decided.payload().answerContentType()).isEqualTo("text/xml");
        assertThat(decided.payload().answerDocument())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Response><Connect><Stream url=\"wss://assistants.example/sales?team=a&amp;b=1\">"
                        + "<Parameter name=\"callId\" value=\"" + callId + "\"/>"
                        + "<Parameter name=\"accountId\" value=\"" + accountId + "\"/>"
                        + "<Parameter name=\"assistantId\" value=\"sales\"/>"
                        + "</Stream></Connect></Response>");
    }

    @Test
    void whenAnOutboundCallIsAnsweredThenItGoesToItsRequestsAssistantWithTheRequestAsParameters() throws Exception {
        // given an account whose caller id is answered by "sales", and a request of it that asked for "renewals"
        String callerId = newNumber();
        String accountId = accountWithTwoAssistants(callerId);
        String requestId = "crm-" + newCallId();
        intended(accountId, requestId, callerId, "renewals", Map.of("customer", "C-10442", "callId", "not-this-one"));
        String callId = newCallId();

        // when the callee answers and the ingress asks how to answer the call placed for that request
        ConsumerRecord<String, CloudEvent> reply = askOutbound(callId, accountId, callerId, requestId);

        // then the call streams to the request's assistant with the request's id and context
        RoutingDecided decided =
                envelopes.unwrap(reply.value()).as(EventTypes.ROUTING_DECIDED).payload();
        assertThat(decided.assistantId()).isEqualTo("renewals");
        assertThat(decided.answerDocument())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Response><Connect><Stream url=\"wss://assistants.example/renewals\">"
                        + "<Parameter name=\"callId\" value=\"" + callId + "\"/>"
                        + "<Parameter name=\"accountId\" value=\"" + accountId + "\"/>"
                        + "<Parameter name=\"assistantId\" value=\"renewals\"/>"
                        + "<Parameter name=\"requestId\" value=\"" + requestId + "\"/>"
                        + "<Parameter name=\"customer\" value=\"C-10442\"/>"
                        + "</Stream></Connect></Response>");
    }

    @Test
    void whenTheRequestNamedNoAssistantThenTheCallerIdsAssistantAnswersIt() throws Exception {
        String callerId = newNumber();
        String accountId = accountWithTwoAssistants(callerId);
        String requestId = "crm-" + newCallId();
        intended(accountId, requestId, callerId, null, Map.of());

        RoutingDecided decided = envelopes
                .unwrap(askOutbound(newCallId(), accountId, callerId, requestId).value())
                .as(EventTypes.ROUTING_DECIDED)
                .payload();

        assertThat(decided.assistantId()).isEqualTo("sales");
        assertThat(decided.answerDocument())
                .contains("wss://assistants.example/sales")
                .contains("<Parameter name=\"requestId\" value=\"" + requestId + "\"/>");
    }

    @Test
    void whenAnAnsweredOutboundCallHasNoAssistantThenItIsHungUpNotToldTheNumberIsOutOfService() throws Exception {
        // an account that does not own the caller id, and a request never intended here
        String accountId = accountWithTwoAssistants(newNumber());

        RoutingDecided decided = envelopes
                .unwrap(askOutbound(newCallId(), accountId, newNumber(), "unknown-" + newCallId())
                        .value())
                .as(EventTypes.ROUTING_DECIDED)
                .payload();

        assertThat(decided.assistantId()).isNull();
        assertThat(decided.answerDocument())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
    }

    @Test
    void whenNumberIsUnknownThenTheReplySaysNotInService() throws Exception {
        // when
        String callId = newCallId();
        ConsumerRecord<String, CloudEvent> reply = ask(callId, newAccountId(), newNumber());

        // then
        RoutingDecided decided =
                envelopes.unwrap(reply.value()).as(EventTypes.ROUTING_DECIDED).payload();
        assertThat(decided.assistantId()).isNull();
        assertThat(decided.callId()).isEqualTo(callId);
        assertThat(decided.answerDocument())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Response><Say>This number is not in service.</Say><Hangup/></Response>");
    }

    @Test
    void whenVapiAsksForAKnownNumberThenTheReplyIsVapiJsonNamingTheAssistant() throws Exception {
        // given
        String accountId = newAccountId();
        String number = newNumber();
        new AccountsApi(http)
                .configure(accountId, number, "6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63", "wss://assistants.example/sales");
        String callId = newCallId();

        // when VAPI's assistant-request arrives through the ingress
        ConsumerRecord<String, CloudEvent> reply = ask("vapi", callId, accountId, number);

        // then the answer document is what VAPI expects from an assistant-request
        RoutingDecided decided =
                envelopes.unwrap(reply.value()).as(EventTypes.ROUTING_DECIDED).payload();
        assertThat(decided.assistantId()).isEqualTo("6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63");
        assertThat(decided.answerContentType()).isEqualTo("application/json");
        assertThat(decided.answerDocument()).isEqualTo("{\"assistantId\":\"6f2c8a14-3b7e-4d9a-8c1f-5e2b9d7a4c63\"}");
    }

    @Test
    void whenVapiAsksForAnUnknownNumberThenTheReplyIsAnErrorVapiSpeaks() throws Exception {
        // when
        ConsumerRecord<String, CloudEvent> reply = ask("vapi", newCallId(), newAccountId(), newNumber());

        // then
        RoutingDecided decided =
                envelopes.unwrap(reply.value()).as(EventTypes.ROUTING_DECIDED).payload();
        assertThat(decided.assistantId()).isNull();
        assertThat(decided.answerContentType()).isEqualTo("application/json");
        assertThat(decided.answerDocument()).isEqualTo("{\"error\":\"This number is not in service.\"}");
    }

    @Test
    void whenProviderIsUnknownThenNoReplyAndTheRequestIsDeadLetteredWithTheReason() {
        // given
        String callId = newCallId();
        try (TopicReader<byte[]> deadLetters = TopicReader.bytes(Topic.ROUTING_REQUESTS.deadLetterTopicName())) {

            // when
            var reply = requests.sendAndReceive(
                    request("exotel", callId, newAccountId(), newNumber()), Duration.ofSeconds(5));

            // then
            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KafkaReplyTimeoutException.class);
            var letter = deadLetters.awaitKey(callId, 1).getFirst();
            assertThat(new String(
                            letter.headers()
                                    .lastHeader("kafka_dlt-exception-message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("exotel");
        }
    }

    /** An account whose caller id is answered by "sales", with "renewals" besides; configured through the API. */
    private String accountWithTwoAssistants(String callerId) {
        String accountId = newAccountId();
        new AccountsApi(http)
                .put(accountId, twoAssistants(callerId))
                .expectStatus()
                .isOk();
        return accountId;
    }

    private static Map<String, Object> twoAssistants(String callerId) {
        return Map.of(
                "name",
                "Outbound account",
                "numbers",
                List.of(Map.of("number", callerId, "assistantId", "sales")),
                "assistants",
                List.of(
                        Map.of("assistantId", "sales", "name", "Sales", "streamUrl", "wss://assistants.example/sales"),
                        Map.of(
                                "assistantId",
                                "renewals",
                                "name",
                                "Renewals",
                                "streamUrl",
                                "wss://assistants.example/renewals")));
    }

    /** As the dialer records a request before asking the provider for its call. */
    private static void intended(
            String accountId, String requestId, String callerId, String assistantId, Map<String, String> metadata) {
        var intent = new DialIntentRecorded(
                requestId,
                accountId,
                "+14155552671",
                callerId,
                DialIntentRecorded.State.INTENDED,
                null,
                null,
                null,
                Instant.now(),
                assistantId,
                metadata);
        try (var kafka = SignedEvents.onSharedBroker()) {
            kafka.send(
                    Topic.DIALER_INTENTS,
                    intent.key(),
                    kafka.sign(
                            EventTypes.DIAL_INTENT_RECORDED,
                            EventIds.of("test-intent", intent.key()),
                            intent.key(),
                            intent.recordedAt(),
                            intent));
        }
    }

    private ConsumerRecord<String, CloudEvent> askOutbound(
            String callId, String accountId, String from, String requestId) throws Exception {
        var request = new RoutingRequested("twilio", accountId, callId, from, "+14155552671", Instant.now(), requestId);
        return requests.sendAndReceive(record(callId, request)).get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private ConsumerRecord<String, CloudEvent> ask(String callId, String accountId, String to) throws Exception {
        return ask("twilio", callId, accountId, to);
    }

    private ConsumerRecord<String, CloudEvent> ask(String provider, String callId, String accountId, String to)
            throws Exception {
        return requests.sendAndReceive(request(provider, callId, accountId, to))
                .get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private ProducerRecord<String, CloudEvent> request(String provider, String callId, String accountId, String to) {
        return record(callId, new RoutingRequested(provider, accountId, callId, "+14155550111", to, Instant.now()));
    }

    private ProducerRecord<String, CloudEvent> record(String callId, RoutingRequested request) {
        CloudEvent event = envelopes.wrap(
                EventTypes.ROUTING_REQUESTED,
                EventIds.of("test-routing", callId),
                callId,
                request.requestedAt(),
                request);
        var record = new ProducerRecord<String, CloudEvent>(Topic.ROUTING_REQUESTS.topicName(), callId, event);
        record.headers()
                .add(KafkaHeaders.REPLY_TOPIC, Topic.ROUTING_REPLIES.topicName().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
