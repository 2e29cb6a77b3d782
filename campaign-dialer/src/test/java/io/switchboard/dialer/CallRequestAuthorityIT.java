package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.switchboard.dialer.request.publisher.CallRequestPublishers.Publisher;
import io.switchboard.dialer.request.publisher.PublisherTopicAcls;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerTestPacing;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may ask for calls for an account, on a broker that authenticates its clients and authorizes them
 * by ACLs as a production cluster does: each publisher signs in as its own principal and may write
 * only to its own topic, and the dialer dials only for the accounts configured for that publisher.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "switchboard.dialer.ingress-base-url=https://ingress.example.com",
            "switchboard.dialer.intake.publishers.crm.principal=User:crm",
            "switchboard.dialer.intake.publishers.crm.accounts=" + CallRequestAuthorityIT.CRM_ACCOUNT,
            "switchboard.dialer.intake.publishers.billing-team.principal=User:billing-team",
            "switchboard.dialer.intake.publishers.billing-team.accounts=" + CallRequestAuthorityIT.OTHER_ACCOUNT
        })
class CallRequestAuthorityIT {

    static final String CRM_ACCOUNT = "acct-crm-customer";
    static final String OTHER_ACCOUNT = "acct-other-customer";
    private static final String CRM_TOPIC = "switchboard.call-requests.crm.v1";
    private static final String OTHER_TOPIC = "switchboard.call-requests.billing-team.v1";

    private static final KafkaBroker BROKER = startBrokerWithPublisherAcls();
    private static final FakeTwilioServer TWILIO = FakeTwilioServer.start();
    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();

    private static boolean accountsPrepared;

    private Admin admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/campaign-dialer", BROKER::bootstrapServers);
        DialerTestPacing.unhurried(registry);
        TestSecrets.register(registry);
        registry.add(
                "switchboard.dialer.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
    }

    /** Once the dialer has created the topics: the accounts both publishers request calls for. */
    @BeforeEach
    void prepareAccounts() {
        if (accountsPrepared) {
            return;
        }
        try (var events = new SignedEvents(BROKER.bootstrapServers())) {
            CallRequests.prepareAccount(events, CRM_ACCOUNT);
            CallRequests.prepareAccount(events, OTHER_ACCOUNT);
        }
        accountsPrepared = true;
    }

    @AfterEach
    void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    @AfterAll
    static void stop() {
        TWILIO.close();
        BROKER.close();
    }

    @Test
    void whenPublisherRequestsACallForItsAccountThenItIsDialed() {
        var request = CallRequests.valid().with("accountId", CRM_ACCOUNT);

        publishAs("crm", CRM_TOPIC, request);

        CallPlaced placed = awaitOutcome(EventTypes.CALL_PLACED, CallPlaced::requestId, request.requestId());
        assertThat(placed.accountId()).isEqualTo(CRM_ACCOUNT);
        assertThat(TWILIO.callsFor(CRM_ACCOUNT)).isNotEmpty();
    }

    @Test
    void whenPublisherRequestsACallForAnotherPublishersAccountThenItIsRejectedWithTheReasonAndNotDialed() {
        var request = CallRequests.valid().with("accountId", CRM_ACCOUNT);
        int crmCallsBefore = TWILIO.callsFor(CRM_ACCOUNT).size();

        publishAs("billing-team", OTHER_TOPIC, request);

        CallRequestRejected rejected =
                awaitOutcome(EventTypes.CALL_REQUEST_REJECTED, CallRequestRejected::requestId, request.requestId());
        assertThat(rejected.field()).isEqualTo("accountId");
        assertThat(rejected.reason())
                .isEqualTo("publisher billing-team may not request calls for account " + CRM_ACCOUNT);
        assertThat(TWILIO.callsFor(CRM_ACCOUNT)).hasSize(crmCallsBefore);
    }

    @Test
    void whenPublisherWritesToAnotherPublishersTopicThenTheBrokerRefuses() {
        var request = CallRequests.valid().with("accountId", CRM_ACCOUNT);

        assertThatThrownBy(() -> publishAs("billing-team", CRM_TOPIC, request))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void whenTheClusterGrantsThePublishersTopicToAnyoneElseThenTheAclCheckNamesIt() throws Exception {
        var crm = publisher("crm", "User:crm", CRM_TOPIC);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()));
        assertThat(PublisherTopicAcls.problems(admin, List.of(crm), 10_000)).isEmpty();

        var everyone = allow("User:*", new ResourcePattern(ResourceType.TOPIC, CRM_TOPIC, PatternType.LITERAL));
        var prefixed = allow(
                "User:intruder",
                new ResourcePattern(ResourceType.TOPIC, "switchboard.call-requests.", PatternType.PREFIXED));
        admin.createAcls(List.of(everyone, prefixed)).all().get();
        try {
            assertThat(PublisherTopicAcls.problems(admin, List.of(crm), 10_000))
                    .containsExactlyInAnyOrder(
                            "publisher crm's topic " + CRM_TOPIC + " is writable by User:* too (WRITE ACL on LITERAL "
                                    + CRM_TOPIC + ")",
                            "publisher crm's topic " + CRM_TOPIC + " is writable by User:intruder too (WRITE ACL on "
                                    + "PREFIXED switchboard.call-requests.)");
        } finally {
            admin.deleteAcls(List.of(everyone.toFilter(), prefixed.toFilter()))
                    .all()
                    .get();
        }
    }

    @Test
    void whenAPublishersPrincipalMayNotWriteItsTopicThenTheAclCheckSaysSo() {
        var unknown = publisher("newcomer", "User:newcomer", "switchboard.call-requests.newcomer.v1");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()));

        assertThat(PublisherTopicAcls.problems(admin, List.of(unknown), 10_000))
                .containsExactly("publisher newcomer (User:newcomer) may not write to its topic "
                        + "switchboard.call-requests.newcomer.v1: grant it WRITE");
    }

    @Test
    void whenTheBrokerAuthorizesNoOneThenTheDialerRefusesToStart() {
        var properties = new HashMap<String, Object>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
        SwitchboardTestProperties.register(
                registry, "/switchboard/campaign-dialer", SharedKafkaBroker::bootstrapServers);
        properties.put("switchboard.secrets.active-key-id", TestSecrets.KEY_ID);
        properties.put("switchboard.secrets.keys." + TestSecrets.KEY_ID, TestSecrets.key());
        properties.put("switchboard.dialer.intake.publishers.crm.principal", "User:crm");
        properties.put("switchboard.dialer.intake.publishers.crm.accounts", CRM_ACCOUNT);
        properties.put("server.port", 0);

        // As command-line arguments: default properties would lose to application.yml's.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);

        assertThatThrownBy(() -> new SpringApplicationBuilder(CampaignDialerApplication.class)
                        .run(arguments)
                        .close())
                .hasMessageContaining("Refusing to take call requests: the broker has no authorizer");
    }

    private static KafkaBroker startBrokerWithPublisherAcls() {
        try {
            var broker = KafkaBroker.startAuthorizing(
                    Files.createTempDirectory("switchboard-kafka-acls-"),
                    Map.of("crm", "crm-secret", "billing-team", "billing-team-secret"));
            try (var admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createAcls(List.of(
                                allow(
                                        "User:crm",
                                        new ResourcePattern(ResourceType.TOPIC, CRM_TOPIC, PatternType.LITERAL)),
                                allow(
                                        "User:billing-team",
                                        new ResourcePattern(ResourceType.TOPIC, OTHER_TOPIC, PatternType.LITERAL))))
                        .all()
                        .get();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the authorizing broker", e);
        }
    }

    private static AclBinding allow(String principal, ResourcePattern pattern) {
        return new AclBinding(
                pattern, new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW));
    }

    private static Publisher publisher(String name, String principal, String topic) {
        return new Publisher(name, principal, topic, Set.of(CRM_ACCOUNT));
    }

    /** As the publisher's own system would: signed in as its principal, on the SASL listener. */
    private static void publishAs(String user, String topic, CallRequests request) {
        var config = new HashMap<>(BROKER.clientPropertiesFor(user));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, request.requestId(), request.json()))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T awaitOutcome(EventType<T> type, Function<T, String> requestIdOf, String requestId) {
        try (var events = TopicReader.bytes(BROKER.bootstrapServers(), Topic.PROVIDER_EVENTS.topicName())) {
            var record = events.await(
                            r -> outcome(r, type)
                                    .filter(o -> requestId.equals(requestIdOf.apply(o)))
                                    .isPresent(),
                            matched -> !matched.isEmpty())
                    .getFirst();
            return outcome(record, type).orElseThrow();
        }
    }

    private static <T> Optional<T> outcome(ConsumerRecord<String, byte[]> record, EventType<T> type) {
        return KafkaRecords.verified(record, VERIFYING)
                .filter(event -> event.is(type))
                .map(event -> event.as(type).payload());
    }
}
