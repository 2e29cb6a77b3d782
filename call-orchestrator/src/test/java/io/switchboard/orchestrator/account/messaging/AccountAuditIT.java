package io.switchboard.orchestrator.account.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.cloudevents.CloudEvent;
import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The account API's audit trail on the real broker: every PUT that changed an account, and every one refused
 * on account grounds, is one entry on audit.v1, committed with the change, naming the token's subject and the
 * parts that changed, and never a secret or a whole number.
 */
class AccountAuditIT extends OrchestratorIntegrationTest {

    private TopicReader<CloudEvent> audit;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void openReader() {
        audit = TopicReader.cloudEvents(Topic.AUDIT.topicName());
    }

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void whenAnAccountIsCreatedAndItsCredentialsSetThenEachPutIsOneEntryOfItsSubjectWithoutSecrets() {
        // given
        String accountId = newAccountId();
        String number = newNumber();
        String authToken = HexFormat.of().formatHex(randomBytes(16));
        Map<String, Object> account = AccountsApi.account(number, "sales", "wss://assistants.example/sales");
        var withToken = new HashMap<>(account);
        withToken.put("providers", Map.of("twilio", Map.of("accountSid", newAccountSid(), "authToken", authToken)));

        // when an operator creates it, its administrator sets a token, and another account's administrator tries
        put(accountId, account, token(null, "ops@platform", Scope.OPERATOR))
                .expectStatus()
                .isOk();
        put(accountId, withToken, token(accountId, "alice@" + accountId, Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isOk();
        put(accountId, account, token(newAccountId(), "mallory", Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isNotFound();

        // then three entries, in order (one account, one partition): nothing more for any PUT
        List<ConsumerRecord<String, CloudEvent>> records = audit.awaitKey(accountId, 3);
        assertThat(records).hasSize(3);
        List<AuditRecorded> entries =
                records.stream().map(AccountAuditIT::entry).toList();
        assertThat(entries.get(0)).satisfies(created -> {
            assertThat(created.action()).isEqualTo("account.created");
            assertThat(created.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(created.subject()).isEqualTo("ops@platform");
            assertThat(created.actorAccountId()).isNull();
            assertThat(created.accountId()).isEqualTo(accountId);
            assertThat(created.parts()).containsExactly("name", "numbers", "assistants");
            assertThat(created.changes())
                    .contains("numbers: " + number.substring(0, number.length() - 6) + "****"
                            + number.substring(number.length() - 2) + " added, answered by sales");
        });
        assertThat(entries.get(1)).satisfies(updated -> {
            assertThat(updated.action()).isEqualTo("account.updated");
            assertThat(updated.subject()).isEqualTo("alice@" + accountId);
            assertThat(updated.actorAccountId()).isEqualTo(accountId);
            assertThat(updated.parts()).containsExactly("credentials");
            assertThat(updated.changes()).containsExactly("providers.twilio: set");
        });
        assertThat(entries.get(2)).satisfies(denied -> {
            assertThat(denied.action()).isEqualTo("account.updated");
            assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(denied.subject()).isEqualTo("mallory");
        });
        assertThat(records).allSatisfy(record -> {
            assertThat(record.value().getSource()).hasToString("/switchboard/call-orchestrator");
            assertThat(record.value().getSubject()).isEqualTo(accountId);
            assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8))
                    .doesNotContain(authToken, number, "v1:");
        });
    }

    @Test
    void whenAPutIsInvalidThenNothingIsAudited() {
        // given
        String accountId = newAccountId();

        // when an invalid PUT is refused, then a refusal on account grounds follows it
        put(accountId, Map.of("numbers", List.of()), token(null, "ops@platform", Scope.OPERATOR))
                .expectStatus()
                .isBadRequest();
        put(accountId, Map.of("name", "Acme"), token(accountId, "intruder", Scope.ACCOUNTS_ADMIN))
                .expectStatus()
                .isNotFound();

        // then only the refusal is on the trail
        List<ConsumerRecord<String, CloudEvent>> records = audit.awaitKey(accountId, 1);
        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(entry(record).outcome()).isEqualTo(AuditOutcome.DENIED));
    }

    private WebTestClient.ResponseSpec put(String accountId, Object body, String token) {
        return http.put()
                .uri("/api/accounts/{id}", accountId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String token(String accountId, String subject, Scope... scopes) {
        return TestTokens.token(accountId, scopes).withSubject(subject).encoded();
    }

    private static AuditRecorded entry(ConsumerRecord<String, CloudEvent> record) {
        return TestEnvelopes.trusted()
                .unwrap(record.value())
                .as(EventTypes.AUDIT_RECORDED)
                .payload();
    }

    private static String newAccountSid() {
        return "AC" + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
