package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestPacing;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Reply;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.topic.Topic;
import io.switchboard.events.transaction.TransactionEffects;
import io.switchboard.testsupport.ConsumedEvent;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            // An answer later than this is uncertain: the call may exist (FakeTwilioServer's createdThenLate).
            "switchboard.dialer.twilio.timeout=2s",
            "switchboard.dialer.provider-listing-delay=1s",
            // The shared test broker authenticates no one: one publisher on the catalogue's topic, for any account.
            // CallRequestAuthorityIT covers principals, ACLs and accounts.
            "switchboard.dialer.intake.publishers.internal.principal=User:ANONYMOUS",
            "switchboard.dialer.intake.publishers.internal.topic=" + Topic.Names.CALL_REQUESTS,
            "switchboard.dialer.intake.publishers.internal.accounts=*",
            "switchboard.dialer.intake.verify-acls=false"
        })
class CampaignDialerIT {

    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();

    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    private static SignedEvents kafka;
    private static TopicReader<byte[]> providerEvents;
    private static TopicReader<byte[]> outcomes;

    @Autowired
    private MeterRegistry meters;

    @MockitoSpyBean
    private TransactionEffects transaction;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/campaign-dialer");
        DialerTestPacing.unhurried(registry);
        TestSecrets.register(registry);
        registry.add(
                "switchboard.dialer.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
    }

    @BeforeAll
    static void connect() {
        kafka = SignedEvents.onSharedBroker();
    }

    /** Opened once the context has created the topics. */
    @BeforeEach
    void readProviderEvents() {
        if (providerEvents == null) {
            providerEvents = TopicReader.bytes(Topic.PROVIDER_EVENTS.topicName());
            outcomes = TopicReader.bytes(Topic.CALL_OUTCOMES.topicName());
        }
    }

    @AfterAll
    static void disconnect() {
        providerEvents.close();
        outcomes.close();
        kafka.close();
        TWILIO.close();
    }

    @Test
    void whenValidRequestThenCallDialedAndOneCallPlacedEvent() {
        var given = CallRequests.valid();

        publish(given.requestId(), given.json());

        List<ConsumedEvent<CallPlaced>> placed = awaitPlaced(given.requestId(), 1);
        CallPlaced event = placed.getFirst().payload();
        assertThat(event.callId()).startsWith("CA");
        assertThat(placed.getFirst().key()).isEqualTo(event.callId());
        assertThat(placed.getFirst().event().subject()).isEqualTo(event.callId());
        assertThat(event.accountId()).isEqualTo(given.accountId());
        assertThat(event.provider()).isEqualTo("twilio");
        assertThat(event.to()).isEqualTo(CallRequests.TO);
        assertThat(event.from()).isEqualTo(CallRequests.FROM);
        assertThat(event.assistantId()).isEqualTo("asst-1");
        assertThat(event.timeLimitSeconds()).isEqualTo(3600);
        assertThat(event.placedAt()).isNotNull();
        assertThat(event.metadata()).containsExactly(Map.entry("campaign", "spring-sale"));
        assertThat(TWILIO.callsFor(given.accountId())).singleElement().satisfies(call -> {
            assertThat(call.param("StatusCallback"))
                    .isEqualTo("https://ingress.example.com/webhooks/twilio/" + given.accountId()
                            + "/status#ct=3000&rt=10000&rc=3&rp=ct,rt,5xx");
            assertThat(call.param("TimeLimit")).isEqualTo("3600");
        });
    }

    @Test
    void whenRequestsArePlacedOrRejectedThenTheirPublishersReadItOnTheOutcomesTopic() {
        var good = CallRequests.valid();
        var bad = CallRequests.valid().with("from", "+1234");

        publish(good.requestId(), good.json());
        publish(bad.requestId(), bad.json());

        CallPlaced placed = awaitPlaced(good.requestId(), 1).getFirst().payload();
        assertThat(awaitOutcomes(good.requestId(), 2))
                .extracting(CallRequestOutcome::outcome, CallRequestOutcome::callId, CallRequestOutcome::accountId)
                .containsExactly(
                        tuple(CallRequestOutcome.Outcome.ACCEPTED, null, good.accountId()),
                        tuple(CallRequestOutcome.Outcome.PLACED, placed.callId(), good.accountId()));
        assertThat(awaitOutcomes(bad.requestId(), 1)).singleElement().satisfies(outcome -> {
            assertThat(outcome.outcome()).isEqualTo(CallRequestOutcome.Outcome.REJECTED);
            assertThat(outcome.field()).isEqualTo("from");
            assertThat(outcome.reason()).contains("from");
        });
    }

    @Test
    void whenSameRequestTwiceThenDialedOnceAndOneEvent() {
        var given = CallRequests.valid();
        // Same account, so the same partition of dialer-requests: placed after both copies were handled.
        var sentinel = CallRequests.valid().with("accountId", given.accountId());
        String key = "campaign-" + UUID.randomUUID();
        double duplicatesBefore = duplicates();

        publish(key, given.json());
        publish(key, given.json());
        // Same key, same partition: once the sentinel is placed, both copies before it were handled.
        publish(key, sentinel.json());

        awaitPlaced(sentinel.requestId(), 1);
        eventually()
                .during(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(placed(given.requestId())).hasSize(1));
        assertThat(TWILIO.callsFor(given.accountId()))
                .as("the request once, the sentinel once")
                .hasSize(2);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void whenSameRequestIsRepublishedUnderAnotherKeyAfterTheAccountMovedThenItIsNotDialedAgain(
            @Autowired KafkaListenerEndpointRegistry listeners) {
        var given = CallRequests.valid();
        publish("first-key-" + UUID.randomUUID(), given.json());
        awaitPlaced(given.requestId(), 1);

        // the admitting consumer gives its partitions up and takes them again, as after a restart or a
        // rebalance: what it knew of the intents is gone and is read back from dialer-intents.v1
        var admitting = listeners.getListenerContainer("dialer-requests");
        admitting.stop();
        admitting.start();
        var sentinel = CallRequests.valid().with("accountId", given.accountId());
        publish("another-key-" + UUID.randomUUID(), given.json());
        publish("sentinel-" + UUID.randomUUID(), sentinel.json());

        awaitPlaced(sentinel.requestId(), 1);
        assertThat(placed(given.requestId())).hasSize(1);
        assertThat(TWILIO.callsFor(given.accountId()).stream()
                        .filter(call -> call.param("To").equals(CallRequests.TO))
                        .toList())
                .as("the request was dialed once, the sentinel once")
                .hasSize(2);
    }

    @Test
    void whenTheProviderCreatesTheCallButAnswersTooLateThenItIsAdoptedNotDialedAgain() {
        assertAdoptedAfter("+14155550197", Reply.createdThenLate(Duration.ofSeconds(4)));
    }

    @Test
    void whenTheProviderCreatesTheCallAndAnswersAServerErrorThenItIsAdoptedNotDialedAgain() {
        assertAdoptedAfter("+14155550196", Reply.createdThenError(500, 20500, "Internal Server Error"));
    }

    /** Twilio created the call but gave {@code reply}: the one call is adopted, none is placed again. */
    private void assertAdoptedAfter(String to, Reply reply) {
        var given = CallRequests.valid().with("to", to);
        TWILIO.script(to, reply);

        publish(given.requestId(), given.json());

        CallPlaced placed = awaitPlaced(given.requestId(), 1).getFirst().payload();
        assertThat(TWILIO.calls().stream().filter(call -> call.to().equals(to)).toList())
                .singleElement()
                .satisfies(call -> assertThat(call.sid()).isEqualTo(placed.callId()));
        assertThat(TWILIO.callsFor(given.accountId())).hasSize(1);
    }

    @Test
    void whenTheRequestHasExpiredThenItIsRejectedAndNotDialed() {
        var given = CallRequests.valid().with("expiresAt", "2020-01-01T00:00:00Z");

        publish(given.requestId(), given.json());

        assertThat(awaitRejected(given.requestId()).payload().reason()).startsWith("expired at 2020-01-01T00:00:00Z");
        assertThat(TWILIO.callsFor(given.accountId())).isEmpty();
    }

    @Test
    void whenRequestInvalidThenRejectionNamesFieldAndNothingDialed() {
        var given = CallRequests.valid().with("to", "+1-415-555-2671");

        publish(given.requestId(), given.json());

        ConsumedEvent<CallRequestRejected> rejected = awaitRejected(given.requestId());
        assertThat(rejected.key()).isEqualTo(given.requestId());
        assertThat(rejected.payload().field()).isEqualTo("to");
        assertThat(rejected.payload().accountId()).isEqualTo(given.accountId());
        assertThat(rejected.payload().reason()).contains("to: ");
        assertThat(TWILIO.callsFor(given.accountId())).isEmpty();
        assertThat(placed(given.requestId())).isEmpty();
    }

    @Test
    void whenRecordIsGarbageThenRejectedAsNotJsonUnderItsKey() {
        String key = "garbage-" + UUID.randomUUID();

        publish(key, new byte[] {0x00, (byte) 0xff, 0x7f, 'n', 'o', 'p', 'e'});

        List<ConsumedEvent<CallRequestRejected>> rejected =
                awaitEvents(EventTypes.CALL_REQUEST_REJECTED, r -> key.equals(r.key()), list -> !list.isEmpty());
        assertThat(rejected).singleElement().satisfies(received -> {
            assertThat(received.payload().requestId()).isNull();
            assertThat(received.payload().field()).isNull();
            assertThat(received.payload().reason()).isEqualTo("not JSON");
        });
    }

    @Test
    void whenProviderRefusesNumberThenRejectedWithProviderMessageAfterOneAttempt() {
        String to = "+14155550199";
        var given = CallRequests.valid().with("to", to);
        TWILIO.script(to, Reply.error(400, 21211, "The 'To' number " + to + " is not a valid phone number."));

        publish(given.requestId(), given.json());

        ConsumedEvent<CallRequestRejected> rejected = awaitRejected(given.requestId());
        assertThat(rejected.payload().reason()).contains("21211").contains("is not a valid phone number");
        assertThat(rejected.payload().field()).isNull();
        assertThat(TWILIO.callsFor(given.accountId())).hasSize(1);
        assertThat(placed(given.requestId())).isEmpty();
    }

    @Test
    void whenRateLimitedThenRetriedAndPlaced() {
        String to = "+14155550198";
        var given = CallRequests.valid().with("to", to);
        TWILIO.script(to, Reply.error(429, 20429, "Too Many Requests"));

        publish(given.requestId(), given.json());

        awaitPlaced(given.requestId(), 1);
        assertThat(TWILIO.callsFor(given.accountId())).hasSize(2);
    }

    @Test
    void whenTransactionRollsBackAfterAdmittingThenTheRedeliveryQueuesItOnceAndItIsDialedOnce() {
        // given a failure after the request was admitted and queued, before the listener's commit, once
        var given = CallRequests.valid();
        doAnswer(invocation -> {
                    invocation.callRealMethod();
                    throw new IllegalStateException("injected failure after admitting, before the commit");
                })
                .doCallRealMethod()
                .when(transaction)
                .afterCommit(any());

        // when the request arrives
        publish(given.requestId(), given.json());

        // then the aborted queue step is invisible, and the redelivered record queued it once: one dial, one CallPlaced
        awaitPlaced(given.requestId(), 1);
        eventually()
                .during(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(placed(given.requestId())).hasSize(1));
        assertThat(TWILIO.callsFor(given.accountId())).hasSize(1);
        verify(transaction, atLeast(2)).afterCommit(any());
    }

    @Test
    void whenWiredThenCallRequestsListenerIsTransactionalWithTheSharedDeadLetterPath(
            @Autowired KafkaListenerEndpointRegistry listeners,
            @Autowired CommonErrorHandler errorHandler,
            @Autowired AfterRollbackProcessor<Object, Object> afterRollback) {
        for (String id : List.of("call-requests", "dialer-requests")) {
            var container = (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer(id);

            assertThat(container).as(id).isNotNull();
            assertThat(container.getContainerProperties().getKafkaAwareTransactionManager())
                    .isInstanceOfSatisfying(
                            AbstractPlatformTransactionManager.class,
                            manager -> assertThat(manager.getTransactionSynchronization())
                                    .as("after-commit effects need synchronization")
                                    .isEqualTo(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS));
            assertThat(container.getCommonErrorHandler()).isSameAs(errorHandler);
            assertThat((Object) container.getAfterRollbackProcessor()).isSameAs(afterRollback);
        }
    }

    @Test
    void whenAMachineAnswersACallWhoseRequestSaysHangUpThenTheCallIsEndedAndAPersonIsLeftOnTheLine() {
        var machine = CallRequests.valid()
                .with("to", "+14155550181")
                .with("machineDetection", Map.of("onMachine", "hang-up"));
        var person = CallRequests.valid()
                .with("accountId", machine.accountId())
                .with("to", "+14155550182")
                .with("machineDetection", Map.of("onMachine", "hang-up"));
        publish(machine.requestId(), machine.json());
        publish(person.requestId(), person.json());
        String machineCall =
                awaitPlaced(machine.requestId(), 1).getFirst().payload().callId();
        String personCall =
                awaitPlaced(person.requestId(), 1).getFirst().payload().callId();
        assertThat(TWILIO.callsFor(machine.accountId()))
                .allSatisfy(call -> assertThat(call.param("AsyncAmd")).isEqualTo("true"));

        // when the ingress publishes Twilio's machine detection results, as the provider reports them
        detected(machine, machineCall, "machine_start");
        detected(person, personCall, "human");

        // then the machine's call is hung up on the account's Twilio account, once, and the person's is not
        eventually()
                .untilAsserted(() -> assertThat(TWILIO.updates())
                        .filteredOn(update -> update.path().endsWith("/Calls/" + machineCall + ".json"))
                        .singleElement()
                        .satisfies(update -> assertThat(update.param("Status")).isEqualTo("completed")));
        eventually()
                .untilAsserted(() -> assertThat(machineDetections("none"))
                        .as("the person's result was applied too: nothing to do")
                        .isGreaterThanOrEqualTo(1.0));
        assertThat(TWILIO.updates()).noneMatch(update -> update.path().endsWith("/Calls/" + personCall + ".json"));
    }

    private double machineDetections(String policy) {
        Counter counter = meters.find("switchboard.dialer.machine.detections")
                .tag("policy", policy)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void detected(CallRequests request, String callId, String answeredBy) {
        var detected = new AnsweringMachineDetected(
                "twilio", request.accountId(), callId, answeredBy, 2300, Instant.now(), request.requestId());
        kafka.send(
                Topic.PROVIDER_EVENTS,
                callId,
                kafka.signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.ANSWERING_MACHINE_DETECTED,
                        "amd-" + callId,
                        callId,
                        detected.receivedAt(),
                        detected));
    }

    /** The request's account is configured and its wallet funded first, once per account. */
    private static void publish(String key, byte[] value) {
        CallRequests.accountOf(value)
                .filter(PREPARED::add)
                .ifPresent(account -> CallRequests.prepareAccount(kafka, account));
        kafka.sendBytes(Topic.CALL_REQUESTS, key, value);
    }

    /** What has arrived so far (one more poll): for asserting that something did not. */
    private static List<ConsumedEvent<CallPlaced>> placed(String requestId) {
        return awaitEvents(
                EventTypes.CALL_PLACED, r -> requestId.equals(r.payload().requestId()), list -> true);
    }

    private static List<ConsumedEvent<CallPlaced>> awaitPlaced(String requestId, int count) {
        return awaitEvents(
                EventTypes.CALL_PLACED, r -> requestId.equals(r.payload().requestId()), list -> list.size() >= count);
    }

    /** The outcomes published for a request id (keyed by it), in order, once there are {@code count}. */
    private static List<CallRequestOutcome> awaitOutcomes(String requestId, int count) {
        return outcomes.await(record -> requestId.equals(record.key()), records -> records.size() >= count).stream()
                .map(record -> KafkaRecords.verified(record, VERIFYING)
                        .orElseThrow()
                        .as(EventTypes.CALL_REQUEST_OUTCOME)
                        .payload())
                .toList();
    }

    private static ConsumedEvent<CallRequestRejected> awaitRejected(String requestId) {
        return awaitEvents(
                        EventTypes.CALL_REQUEST_REJECTED,
                        r -> requestId.equals(r.payload().requestId()),
                        list -> !list.isEmpty())
                .getFirst();
    }

    /** The verified events of {@code type} on provider-events.v1 that {@code filter} accepts, once {@code until} holds. */
    private static <T> List<ConsumedEvent<T>> awaitEvents(
            EventType<T> type, Predicate<ConsumedEvent<T>> filter, Predicate<List<ConsumedEvent<T>>> until) {
        return providerEvents
                .await(
                        record -> event(record, type).filter(filter).isPresent(),
                        records -> until.test(events(records, type)))
                .stream()
                .flatMap(record -> event(record, type).stream())
                .toList();
    }

    private static <T> List<ConsumedEvent<T>> events(List<ConsumerRecord<String, byte[]>> records, EventType<T> type) {
        return records.stream().flatMap(record -> event(record, type).stream()).toList();
    }

    private static <T> Optional<ConsumedEvent<T>> event(ConsumerRecord<String, byte[]> record, EventType<T> type) {
        return KafkaRecords.verified(record, VERIFYING)
                .filter(event -> event.is(type))
                .map(event -> event.as(type));
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO);
    }

    private double duplicates() {
        return meters.get("switchboard.dialer.requests")
                .tag("outcome", "duplicate")
                .counter()
                .count();
    }
}
