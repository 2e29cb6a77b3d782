package io.switchboard.ingress.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.account.Credential;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicFollower;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.testsupport.ReplaySkips;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The accounts.v1 follower against the real broker: replay to the end, then updates as they come;
 * unsigned tombstones and accounts signed by another service's key change nothing.
 */
class AccountsFollowerIT {

    private static final String KAFKA = SharedKafkaBroker.bootstrapServers();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AccountDirectory directory = new AccountDirectory();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopicFollower follower;

    @BeforeAll
    static void accountsTopicExists() throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            if (!admin.listTopics().names().get().contains(Topic.ACCOUNTS.topicName())) {
                admin.createTopics(List.of(Topic.ACCOUNTS.newTopic((short) 1)))
                        .all()
                        .get();
            }
        }
    }

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.stop();
        }
    }

    @Test
    void whenStartedThenItReplaysToTheEndBeforeAnsweringAndThenFollowsUpdatesButNotUnsignedTombstones() {
        String acme = "acme-" + run;
        String tombstoned = "tombstoned-" + run;
        String broken = "broken-" + run;
        SecretBox box = TestSecrets.box();
        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-1"));
        TestAccounts.configure(KAFKA, tombstoned, TestAccounts.twilio(box, tombstoned, "AC2", "token-2"));
        TestAccounts.publishTombstone(KAFKA, tombstoned);
        TestAccounts.configure(KAFKA, broken, TestAccounts.twilio(TestSecrets.foreignBox(), broken, "AC3", "t"));

        follower = start();

        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        assertThat(token(acme)).contains("token-1");
        assertThat(token(tombstoned)).contains("token-2");
        assertThat(tombstonesRefused()).isGreaterThanOrEqualTo(1.0);
        assertThatThrownBy(() -> directory.credential(broken, "twilio"))
                .isInstanceOf(AccountUnavailableException.class);

        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> token(acme).equals(Optional.of("token-2")));

        double refused = tombstonesRefused();
        TestAccounts.publishTombstone(KAFKA, acme);
        await().atMost(Duration.ofSeconds(10)).until(() -> tombstonesRefused() > refused);
        assertThat(token(acme)).contains("token-2");
    }

    @Test
    void whenAnAccountIsSignedWithATrustedKeyOfAnotherServiceThenItIsSkippedAndChangesNothing() {
        // given an account the orchestrator configured
        String acme = "acme-" + run;
        SecretBox box = TestSecrets.box();
        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-1"));
        follower = start();
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        double unverifiable = skipped(SkippedRecords.UNVERIFIABLE);

        // when the ingress's own key (trusted, for provider events) signs a new configuration and a new account
        String intruder = "intruder-" + run;
        TestAccounts.configureSignedAs(
                KAFKA, EventProducers.WEBHOOK_INGRESS, acme, TestAccounts.twilio(box, acme, "AC1", "stolen"));
        TestAccounts.configureSignedAs(
                KAFKA, EventProducers.WEBHOOK_INGRESS, intruder, TestAccounts.twilio(box, intruder, "AC7", "t"));

        // then both are skipped as unverifiable, and the account keeps the orchestrator's credentials
        await().atMost(Duration.ofSeconds(10)).until(() -> skipped(SkippedRecords.UNVERIFIABLE) >= unverifiable + 2);
        assertThat(token(acme)).contains("token-1");
        assertThat(token(intruder)).isEmpty();
    }

    @Test
    void whenAnAccountIsConfiguredAfterTheReplayThenItIsPickedUp() {
        follower = start();
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        String late = "late-" + run;

        TestAccounts.configure(KAFKA, late, TestAccounts.twilio(TestSecrets.box(), late, "AC4", "late-token"));

        await().atMost(Duration.ofSeconds(10)).until(() -> token(late).equals(Optional.of("late-token")));
    }

    @Test
    void whenReplayedTopicHoldsUndecodableAndUnverifiableRecordsThenSkippedCountedAndStarted() {
        // given an account, then a record that is not a CloudEvent and an account signed by a key nobody trusts
        String acme = "acme-" + run;
        String garbled = "garbled-" + run;
        String forged = "forged-" + run;
        SecretBox box = TestSecrets.box();
        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-1"));
        TestAccounts.publishNotACloudEvent(KAFKA, garbled);
        TestAccounts.configureUntrusted(KAFKA, forged, TestAccounts.twilio(box, forged, "AC5", "forged-token"));

        // when
        follower = start();

        // then the replay passes over both, counting each, and loads the rest
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        assertThat(token(acme)).contains("token-1");
        assertThat(token(forged)).isEmpty();
        double undecodable = skipped(SkippedRecords.UNDECODABLE);
        double unverifiable = skipped(SkippedRecords.UNVERIFIABLE);
        assertThat(undecodable).isGreaterThanOrEqualTo(1.0);
        assertThat(unverifiable).isGreaterThanOrEqualTo(1.0);

        // and when both arrive again while it follows, each is counted once and a later account still applies
        String late = "late-" + run;
        TestAccounts.publishNotACloudEvent(KAFKA, garbled);
        TestAccounts.configureUntrusted(KAFKA, forged, TestAccounts.twilio(box, forged, "AC5", "forged-token"));
        TestAccounts.configure(KAFKA, late, TestAccounts.twilio(box, late, "AC6", "late-token"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> token(late).equals(Optional.of("late-token"))
                        && skipped(SkippedRecords.UNDECODABLE) > undecodable
                        && skipped(SkippedRecords.UNVERIFIABLE) > unverifiable);
        assertThat(skipped(SkippedRecords.UNDECODABLE)).isEqualTo(undecodable + 1);
        assertThat(skipped(SkippedRecords.UNVERIFIABLE)).isEqualTo(unverifiable + 1);
        assertThat(token(forged)).isEmpty();
    }

    @Test
    void whenAwaitingCurrentThenWhatWasPublishedBeforeIsAppliedOnReturnAndAStoppedFollowerIsNeverCurrent() {
        // given a follower that has read accounts.v1 to its end
        follower = start();
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        String fresh = "fresh-" + run;
        SecretBox box = TestSecrets.box();

        for (int round = 1; round <= 5; round++) {
            // when an account is configured and the follower is asked to catch up right after
            String token = "token-" + round;
            TestAccounts.configure(KAFKA, fresh, TestAccounts.twilio(box, fresh, "AC8", token));

            // then, once it answers, the configuration is in the directory without any waiting
            assertThat(follower.awaitCurrent(Duration.ofSeconds(10))).isTrue();
            assertThat(token(fresh)).as("round %d", round).contains(token);
        }

        // and once stopped, it cannot catch up: it says so within the time it was given
        TopicFollower stopped = follower;
        follower = null;
        stopped.stop();
        long startedAt = System.nanoTime();
        assertThat(stopped.awaitCurrent(Duration.ofMillis(500))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whenNothingIsNewThenCatchingUpDoesNotWaitForTheFetchTheBrokerHoldsBack() {
        follower = start();
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);

        long startedAt = System.nanoTime();
        for (int round = 0; round < 10; round++) {
            assertThat(follower.awaitCurrent(Duration.ofSeconds(10))).isTrue();
        }

        // Each catch-up asked on the reading connection waited behind a fetch held up to fetch.max.wait.ms (500 ms).
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofMillis(2_500));
    }

    private double tombstonesRefused() {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.ACCOUNTS.topicName(), "reason", Refusal.UNSIGNED_TOMBSTONE)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double skipped(String reason) {
        return ReplaySkips.count(meters, Topic.ACCOUNTS, reason);
    }

    private Optional<String> token(String accountId) {
        return directory.credential(accountId, "twilio").map(Credential::secret);
    }

    private TopicFollower start() {
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(KAFKA));
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("secretBox", TestSecrets.box());
        var started = new AccountsConfig()
                .accountsFollower(
                        kafka,
                        TestEnvelopes.trusted("/switchboard/webhook-ingress"),
                        beans.getBeanProvider(SecretBox.class),
                        directory,
                        new SkippedRecords(meters),
                        new EventRefusals(meters));
        started.start();
        return started;
    }
}
