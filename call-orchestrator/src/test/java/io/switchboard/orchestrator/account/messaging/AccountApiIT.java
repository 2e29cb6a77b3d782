package io.switchboard.orchestrator.account.messaging;

import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.ReplaySkips;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestEventKeys;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class AccountApiIT extends OrchestratorIntegrationTest {

    private TopicReader<CloudEvent> accounts;

    @Autowired
    WebTestClient http;

    @Autowired
    TopicReplayer replayer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventRefusals refusals;

    /** Opened once the application (which creates the catalogue's topics) is up: it reads the partitions there are. */
    @BeforeEach
    void openReader() {
        accounts = TopicReader.cloudEvents(Topic.ACCOUNTS.topicName());
    }

    @BeforeEach
    void actAsTheAccountsAdministrator() {
        http = http.mutate()
                .filter(TestTokens.actingForThePathsAccount("/api/accounts/", Scope.ACCOUNTS_ADMIN))
                .build();
    }

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
        AccountConfigured configured = TestEnvelopes.trusted()
                .unwrap(records.getFirst().value())
                .as(EventTypes.ACCOUNT_CONFIGURED)
                .payload();
        assertThat(configured.numbers())
                .extracting(AccountConfigured.PhoneNumber::number)
                .containsExactly(number);
        assertThat(configured.assistants())
                .extracting(AccountConfigured.Assistant::streamUrl)
                .containsExactly("wss://assistants.example/sales");
        assertThat(records.get(1).value().getId())
                .isEqualTo(records.getFirst().value().getId());
        http.get()
                .uri("/api/accounts/{id}", accountId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.numbers[0].assistantId")
                .isEqualTo("sales");
    }

    @Test
    void whenAnAccountIsPutAgainThenEachConfigurationHasTheNextRevisionAndAnOlderOneReplayedLaterIsRefused() {
        // given an account put with one number, then with another
        String accountId = newAccountId();
        String first = newNumber();
        String second = newNumber();
        var api = new AccountsApi(http);
        api.configure(accountId, first, "sales", "wss://assistants.example/sales");
        api.configure(accountId, second, "sales", "wss://assistants.example/sales");
        List<ConsumerRecord<String, CloudEvent>> records = accounts.awaitKey(accountId, 2);
        assertThat(records)
                .extracting(record -> TestEnvelopes.trusted()
                        .unwrap(record.value())
                        .as(EventTypes.ACCOUNT_CONFIGURED)
                        .payload()
                        .revision())
                .containsExactly(1L, 2L);
        double stale = refusedStale();

        // when the first, correctly signed configuration is produced to the topic again
        try (var producer = SignedEvents.onSharedBroker()) {
            producer.send(Topic.ACCOUNTS, accountId, records.getFirst().value());
        }

        // then a rebuild from accounts.v1 refuses it as stale and keeps the second, and so does the live directory
        var directory = new AccountDirectory();
        new AccountDirectoryLoader(replayer, directory, refusals).start();
        assertThat(directory.ownerOf(second)).contains(accountId);
        assertThat(directory.ownerOf(first)).isEmpty();
        assertThat(directory.find(accountId))
                .get()
                .extracting(Account::revision)
                .isEqualTo(2L);
        assertThat(refusedStale()).isGreaterThanOrEqualTo(stale + 1);
        http.get()
                .uri("/api/accounts/{id}", accountId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.numbers[0].number")
                .isEqualTo(second);
    }

    private double refusedStale() {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.ACCOUNTS.topicName(), "reason", Refusal.STALE_SNAPSHOT)
                .counter();
        return counter == null ? 0 : counter.count();
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
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("numbers[0].number");
        http.get().uri("/api/accounts/{id}", thief).exchange().expectStatus().isNotFound();
    }

    @Test
    void whenCredentialsArePutThenAccountsTopicCarriesThemSealedForTheAccountOnly() {
        // given
        String accountId = newAccountId();
        String accountSid = newAccountSid();
        String authToken = HexFormat.of().formatHex(randomBytes(16));
        String vapiSecret = "vapi-" + HexFormat.of().formatHex(randomBytes(16));
        var api = new AccountsApi(http);
        Map<String, Object> body = withProviders(accountSid, authToken, vapiSecret);

        // when the same credentials are put twice
        api.put(accountId, body).expectStatus().isOk();
        api.put(accountId, body).expectStatus().isOk();

        // then accounts.v1 holds the token sealed, opening to the plaintext for this account only, as one fact
        List<ConsumerRecord<String, CloudEvent>> records = accounts.awaitKey(accountId, 2);
        AccountConfigured configured = TestEnvelopes.trusted()
                .unwrap(records.getFirst().value())
                .as(EventTypes.ACCOUNT_CONFIGURED)
                .payload();
        AccountConfigured.ProviderCredential twilio = configured.credentials().getFirst();
        assertThat(twilio.provider()).isEqualTo("twilio");
        assertThat(twilio.providerAccountId()).isEqualTo(accountSid);
        assertThat(twilio.verification()).isNull();
        assertThat(TestSecrets.box().open(twilio.sealedSecret(), accountId)).isEqualTo(authToken);
        AccountConfigured.ProviderCredential vapi = configured.credentials().get(1);
        assertThat(vapi.providerAccountId()).isNull();
        assertThat(vapi.verification()).isEqualTo("secret-header");
        assertThat(TestSecrets.box().open(vapi.sealedSecret(), accountId)).isEqualTo(vapiSecret);
        assertThat(records)
                .allSatisfy(
                        record -> assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8))
                                .doesNotContain(authToken, vapiSecret));
        assertThat(records.get(1).value().getId())
                .isEqualTo(records.getFirst().value().getId());
        http.get()
                .uri("/api/accounts/{id}", accountId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providers.twilio.accountSid")
                .isEqualTo(accountSid)
                .jsonPath("$.providers.twilio.authTokenSet")
                .isEqualTo(true)
                .jsonPath("$.providers.vapi.secretSet")
                .isEqualTo(true)
                .jsonPath("$.providers.twilio.authToken")
                .doesNotExist();
    }

    @Test
    void whenAccountSidBelongsToAnotherAccountThen400NamesItAndNothingIsPublished() {
        // given
        String accountSid = newAccountSid();
        var api = new AccountsApi(http);
        String owner = newAccountId();
        api.put(owner, withProviders(accountSid, HexFormat.of().formatHex(randomBytes(16)), "vapi-secret-0123456789"))
                .expectStatus()
                .isOk();
        String thief = newAccountId();

        // when / then
        api.put(thief, withProviders(accountSid, HexFormat.of().formatHex(randomBytes(16)), "vapi-secret-0123456789"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("providers.twilio.accountSid");
        http.get().uri("/api/accounts/{id}", thief).exchange().expectStatus().isNotFound();
    }

    @Test
    void whenStreamUrlIsNotAWebSocketThen400NamesIt() {
        new AccountsApi(http)
                .put(newAccountId(), AccountsApi.account(newNumber(), "sales", "https://example.com"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("assistants[0].streamUrl");
    }

    @Test
    void whenReplayedTopicHoldsUndecodableAndUnverifiableRecordsThenSkippedCountedAndStarted() {
        // given an account, a record that is not a CloudEvent, an account signed by a key nobody trusts, an account
        String first = newAccountId();
        String garbled = newAccountId();
        String forged = newAccountId();
        String last = newAccountId();
        var api = new AccountsApi(http);
        api.configure(first, newNumber(), "sales", "wss://assistants.example/sales");
        try (var producer = SignedEvents.onSharedBroker()) {
            producer.sendBytes(Topic.ACCOUNTS, garbled, "not a cloud event".getBytes(StandardCharsets.UTF_8));
            producer.send(Topic.ACCOUNTS, forged, signedByUntrustedKey(forged));
        }
        api.configure(last, newNumber(), "sales", "wss://assistants.example/sales");
        double undecodable = ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNDECODABLE);
        double unverifiable = ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE);

        // when the directory is rebuilt from accounts.v1, as at start-up
        var directory = new AccountDirectory();
        var loader = new AccountDirectoryLoader(replayer, directory, refusals);
        loader.start();

        // then it started, each bad record was skipped and counted once, and the accounts around them were loaded
        assertThat(loader.isRunning()).isTrue();
        assertThat(directory.find(first)).isPresent();
        assertThat(directory.find(last)).isPresent();
        assertThat(directory.find(forged)).isEmpty();
        assertThat(ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNDECODABLE))
                .isEqualTo(undecodable + 1);
        assertThat(ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(unverifiable + 1);
    }

    @Test
    void whenATombstoneOrAnAccountSignedByAnotherServicesKeyFollowsThenTheAccountStaysOnReplayAndLive() {
        // given an account configured through the API
        String accountId = newAccountId();
        String intruder = newAccountId();
        String number = newNumber();
        new AccountsApi(http).configure(accountId, number, "sales", "wss://assistants.example/sales");
        double tombstones = tombstonesRefused();
        double unverifiable = ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE);

        // when an unsigned tombstone follows it, and accounts signed with the ingress's (trusted) key
        try (var producer = SignedEvents.onSharedBroker()) {
            producer.sendBytes(Topic.ACCOUNTS, accountId, null);
            producer.send(Topic.ACCOUNTS, accountId, signedByIngressKey(accountId));
            producer.send(Topic.ACCOUNTS, intruder, signedByIngressKey(intruder));
        }

        // then the live listener refuses the tombstone (it is no dead letter) and dead-letters the foreign accounts
        var deadLetters = new DeadLetterTopics(SharedKafkaBroker.bootstrapServers());
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.ACCOUNTS, accountId), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("may be signed only by call-orchestrator");
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.ACCOUNTS, intruder), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("type switchboard.account.configured.v1 may be signed only by call-orchestrator; key "
                        + TestEventKeys.keyPair(EventProducers.WEBHOOK_INGRESS).keyId()
                        + " belongs to webhook-ingress");
        assertThat(tombstonesRefused()).isGreaterThanOrEqualTo(tombstones + 1);
        assertThat(deadLetters.withKeys(List.of(Topic.ACCOUNTS), Set.of(accountId)))
                .hasSize(1)
                .allSatisfy(letter -> assertThat(letter.value()).isNotNull());

        // and a rebuild from accounts.v1 keeps the account as the API configured it, and knows no intruder
        var directory = new AccountDirectory();
        new AccountDirectoryLoader(replayer, directory, refusals).start();
        assertThat(directory.find(accountId))
                .get()
                .satisfies(account -> assertThat(account.name()).isNotEqualTo("Foreign"));
        assertThat(directory.ownerOf(number)).contains(accountId);
        assertThat(directory.find(intruder)).isEmpty();
        assertThat(ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE))
                .isGreaterThanOrEqualTo(unverifiable + 2);
    }

    private double tombstonesRefused() {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.ACCOUNTS.topicName(), "reason", Refusal.UNSIGNED_TOMBSTONE)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static CloudEvent signedByIngressKey(String accountId) {
        var configured = new AccountConfigured(accountId, "Foreign", List.of(), List.of(), List.of(), Instant.now());
        return TestEnvelopes.signedAs(EventProducers.WEBHOOK_INGRESS)
                .wrap(
                        EventTypes.ACCOUNT_CONFIGURED,
                        "foreign-" + accountId,
                        accountId,
                        configured.configuredAt(),
                        configured);
    }

    private static CloudEvent signedByUntrustedKey(String accountId) {
        var configured = new AccountConfigured(accountId, "Forged", List.of(), List.of(), List.of(), Instant.now());
        return TestEnvelopes.untrusted()
                .wrap(
                        EventTypes.ACCOUNT_CONFIGURED,
                        "forged-" + accountId,
                        accountId,
                        configured.configuredAt(),
                        configured);
    }

    private static Map<String, Object> withProviders(String accountSid, String authToken, String vapiSecret) {
        var body = new HashMap<>(AccountsApi.account(newNumber(), "sales", "wss://assistants.example/sales"));
        body.put(
                "providers",
                Map.of(
                        "twilio", Map.of("accountSid", accountSid, "authToken", authToken),
                        "vapi", Map.of("secret", vapiSecret, "verification", "secret-header")));
        return body;
    }

    private static String newAccountSid() {
        return "AC" + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
