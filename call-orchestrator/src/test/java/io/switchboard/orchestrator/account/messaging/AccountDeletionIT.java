package io.switchboard.orchestrator.account.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.testsupport.RefusedEvents;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Deleting an account on the real broker: an operator's DELETE publishes a signed AccountClosed, which stays
 * the key's latest record on accounts.v1, with its audit entry; afterwards the account is gone from the API
 * and from routing, live and in a rebuild, and an older configuration produced to the topic again does not
 * bring it back.
 */
class AccountDeletionIT extends OrchestratorIntegrationTest {

    private static final String STREAM = "wss://assistants.example/sales";

    @Autowired
    WebTestClient http;

    @Autowired
    AccountDirectory directory;

    @Autowired
    TopicReplayer replayer;

    @Autowired
    EventRefusals refusals;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private TopicReader<CloudEvent> accounts;
    private TopicReader<CloudEvent> audit;

    @BeforeEach
    void openReaders() {
        accounts = TopicReader.cloudEvents(Topic.ACCOUNTS.topicName());
        audit = TopicReader.cloudEvents(Topic.AUDIT.topicName());
    }

    @AfterEach
    void closeReaders() {
        accounts.close();
        audit.close();
    }

    @Test
    void whenAnOperatorDeletesAnAccountThenItIsGoneFromTheApiAndRoutingAndItsSignedClosingStaysOnTheTopic() {
        // given an account with a number routed to its assistant
        String accountId = newAccountId();
        String number = newNumber();
        new AccountsApi(http).configure(accountId, number, "sales", STREAM);
        assertThat(directory.route(number, accountId)).isPresent();

        // when an operator deletes it
        delete(
                        accountId,
                        TestTokens.token(null, Scope.OPERATOR)
                                .withSubject("ops@platform")
                                .encoded())
                .expectStatus()
                .isNoContent();

        // then the API knows it no more, for its administrator or an operator, and its number routes nowhere
        get(accountId, TestTokens.forAccount(accountId, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isNotFound();
        get(accountId, TestTokens.operator()).expectStatus().isNotFound();
        assertThat(directory.route(number, accountId)).isEmpty();
        assertThat(directory.ownerOf(number)).isEmpty();

        // and accounts.v1's latest record for it is the closing, signed by the orchestrator, at the next revision
        List<ConsumerRecord<String, CloudEvent>> records = accounts.awaitKey(accountId, 2);
        var closing = TestEnvelopes.trusted().unwrap(records.getLast().value());
        assertThat(closing.is(EventTypes.ACCOUNT_CLOSED)).isTrue();
        assertThat(closing.subject()).isEqualTo(accountId);
        assertThat(closing.as(EventTypes.ACCOUNT_CLOSED).payload())
                .extracting(AccountClosed::accountId, AccountClosed::revision)
                .containsExactly(accountId, 2L);

        // and the deletion is audited as the operator's
        AuditRecorded entry = TestEnvelopes.trusted()
                .unwrap(audit.awaitKey(accountId, 2).getLast().value())
                .as(EventTypes.AUDIT_RECORDED)
                .payload();
        assertThat(entry.action()).isEqualTo("account.deleted");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.subject()).isEqualTo("ops@platform");
        assertThat(entry.changes()).contains("account: closed at revision 2").noneMatch(line -> line.contains(number));

        // and a rebuild from the topic does not know it either
        var rebuilt = new AccountDirectory();
        new AccountDirectoryLoader(replayer, rebuilt, refusals).start();
        assertThat(rebuilt.find(accountId)).isEmpty();
        assertThat(rebuilt.ownerOf(number)).isEmpty();
        assertThat(rebuilt.nextRevision(accountId)).isEqualTo(3);
    }

    @Test
    void whenAnOlderConfigurationIsProducedAgainAfterTheClosingThenTheAccountStaysGoneLiveAndOnRebuild() {
        // given an account, configured and then deleted
        String accountId = newAccountId();
        String number = newNumber();
        new AccountsApi(http).configure(accountId, number, "sales", STREAM);
        delete(accountId, TestTokens.operator()).expectStatus().isNoContent();
        CloudEvent configured = accounts.awaitKey(accountId, 2).getFirst().value();
        double stale = RefusedEvents.count(meters, Topic.ACCOUNTS, Refusal.STALE_SNAPSHOT);

        // when its configuration, correctly signed, is produced to accounts.v1 again
        RecordMetadata reproduced;
        try (var producer = SignedEvents.onSharedBroker()) {
            reproduced = producer.send(Topic.ACCOUNTS, accountId, configured);
        }

        // then the live directory, having read it, does not bring the account back
        awaitReadByTheLiveDirectory(reproduced);
        get(accountId, TestTokens.operator()).expectStatus().isNotFound();
        assertThat(directory.route(number, accountId)).isEmpty();

        // and a rebuild refuses it as stale
        var rebuilt = new AccountDirectory();
        new AccountDirectoryLoader(replayer, rebuilt, refusals).start();
        assertThat(rebuilt.find(accountId)).isEmpty();
        assertThat(RefusedEvents.count(meters, Topic.ACCOUNTS, Refusal.STALE_SNAPSHOT))
                .isGreaterThanOrEqualTo(stale + 1);

        // and an operator can open the account again, at a revision above its closing
        new AccountsApi(http).configure(accountId, number, "sales", STREAM);
        assertThat(directory.find(accountId))
                .get()
                .extracting(account -> account.revision())
                .isEqualTo(3L);
    }

    @Test
    void whenTheAccountToDeleteIsUnknownThen404AndNothingIsPublished() {
        String accountId = newAccountId();

        delete(accountId, TestTokens.operator()).expectStatus().isNotFound();

        // then the account's first record, once it is created, is its configuration at revision 1: no closing before it
        new AccountsApi(http).configure(accountId, newNumber(), "sales", STREAM);
        var first = TestEnvelopes.trusted()
                .unwrap(accounts.awaitKey(accountId, 1).getFirst().value());
        assertThat(first.is(EventTypes.ACCOUNT_CONFIGURED)).isTrue();
        assertThat(first.as(EventTypes.ACCOUNT_CONFIGURED).payload().revision()).isEqualTo(1L);
    }

    @Test
    void whenItsOwnAdministratorDeletesAnAccountThen403AndItStays() {
        String accountId = newAccountId();
        new AccountsApi(http).configure(accountId, newNumber(), "sales", STREAM);

        delete(accountId, TestTokens.forAccount(accountId, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isForbidden();

        get(accountId, TestTokens.forAccount(accountId, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isOk();
        assertThat(accounts.awaitKey(accountId, 1))
                .extracting(record -> record.value().getType())
                .containsExactly(EventTypes.ACCOUNT_CONFIGURED.token());
    }

    /** The live listener reads accounts.v1 in a group of its own: it has read a record once it committed past it. */
    private void awaitReadByTheLiveDirectory(RecordMetadata sent) {
        String group = listeners.getListenerContainer("account-directory").getGroupId();
        var partition = new TopicPartition(sent.topic(), sent.partition());
        try (var admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private WebTestClient.ResponseSpec delete(String accountId, String token) {
        return http.delete()
                .uri("/api/accounts/{id}", accountId)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String accountId, String token) {
        return http.get()
                .uri("/api/accounts/{id}", accountId)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
