package io.switchboard.orchestrator.account.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.TestKafka;
import io.switchboard.orchestrator.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class AccountApiIT extends OrchestratorIntegrationTest {

    private final TopicReader<CloudEvent> accounts = TopicReader.cloudEvents(Topic.ACCOUNTS.topicName());

    @Autowired
    WebTestClient http;

    @AfterEach
    void close() {
        accounts.close();
    }

    @Test
    void whenAccountIsPutThenItIsOnAccountsTopicAndReadable() {
        // given
        String accountId = newAccountId();
        String number = newNumber();
        var api = new AccountsApi(http);

        // when the same configuration is put twice
        api.configure(accountId, number, "sales", "wss://assistants.example/sales");
        api.configure(accountId, number, "sales", "wss://assistants.example/sales");

        // then accounts.v1 holds it, signed, keyed by account, with one id for one content
        List<ConsumerRecord<String, CloudEvent>> records = accounts.awaitKey(accountId, 2);
        AccountConfigured configured = TestKafka.envelopes().unwrap(records.getFirst().value())
                .as(EventTypes.ACCOUNT_CONFIGURED).payload();
        assertThat(configured.numbers()).extracting(AccountConfigured.PhoneNumber::number).containsExactly(number);
        assertThat(configured.assistants()).extracting(AccountConfigured.Assistant::streamUrl)
                .containsExactly("wss://assistants.example/sales");
        assertThat(records.get(1).value().getId()).isEqualTo(records.getFirst().value().getId());
        http.get().uri("/api/accounts/{id}", accountId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.numbers[0].assistantId").isEqualTo("sales");
    }

    @Test
    void whenNumberBelongsToAnotherAccountThen400NamesItAndNothingIsPublished() {
        // given
        String number = newNumber();
        var api = new AccountsApi(http);
        api.configure(newAccountId(), number, "sales", "wss://assistants.example/sales");
        String thief = newAccountId();

        // when / then
        api.put(thief, AccountsApi.account(number, "sales", "wss://assistants.example/sales"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("numbers[0].number");
        http.get().uri("/api/accounts/{id}", thief).exchange().expectStatus().isNotFound();
    }

    @Test
    void whenStreamUrlIsNotAWebSocketThen400NamesIt() {
        new AccountsApi(http).put(newAccountId(), AccountsApi.account(newNumber(), "sales", "https://example.com"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("assistants[0].streamUrl");
    }
}
