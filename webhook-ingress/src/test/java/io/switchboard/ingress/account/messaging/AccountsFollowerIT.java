package io.switchboard.ingress.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.account.domain.Credential;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.ingress.testing.TestEnvelopes;
import io.switchboard.ingress.testing.TestSecrets;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The accounts.v1 follower against the real broker: replay to the end, then updates and removals as they come. */
class AccountsFollowerIT {

    private static final String KAFKA = SharedKafkaBroker.bootstrapServers();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AccountDirectory directory = new AccountDirectory();
    private AccountsFollower follower;

    @BeforeAll
    static void accountsTopicExists() throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            if (!admin.listTopics().names().get().contains(Topic.ACCOUNTS.topicName())) {
                admin.createTopics(List.of(Topic.ACCOUNTS.newTopic((short) 1)))
                        .all().get();
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
    void whenStartedThenItReplaysToTheEndBeforeAnsweringAndThenFollowsUpdatesAndRemovals() {
        String acme = "acme-" + run;
        String removed = "removed-" + run;
        String broken = "broken-" + run;
        SecretBox box = TestSecrets.box();
        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-1"));
        TestAccounts.configure(KAFKA, removed, TestAccounts.twilio(box, removed, "AC2", "token-2"));
        TestAccounts.remove(KAFKA, removed);
        TestAccounts.configure(KAFKA, broken, TestAccounts.twilio(TestSecrets.foreignBox(), broken, "AC3", "t"));

        follower = start();

        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        assertThat(token(acme)).contains("token-1");
        assertThat(token(removed)).isEmpty();
        assertThatThrownBy(() -> directory.credential(broken, "twilio")).isInstanceOf(AccountUnavailableException.class);

        TestAccounts.configure(KAFKA, acme, TestAccounts.twilio(box, acme, "AC1", "token-2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> token(acme).equals(Optional.of("token-2")));

        TestAccounts.remove(KAFKA, acme);
        await().atMost(Duration.ofSeconds(10)).until(() -> token(acme).isEmpty());
    }

    @Test
    void whenAnAccountIsConfiguredAfterTheReplayThenItIsPickedUp() {
        follower = start();
        await().atMost(Duration.ofSeconds(30)).until(directory::isLoaded);
        String late = "late-" + run;

        TestAccounts.configure(KAFKA, late, TestAccounts.twilio(TestSecrets.box(), late, "AC4", "late-token"));

        await().atMost(Duration.ofSeconds(10)).until(() -> token(late).equals(Optional.of("late-token")));
    }

    private Optional<String> token(String accountId) {
        return directory.credential(accountId, "twilio").map(Credential::secret);
    }

    private AccountsFollower start() {
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(KAFKA));
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("secretBox", TestSecrets.box());
        var started = new AccountsConfig().accountsFollower(kafka, TestEnvelopes.create("/switchboard/webhook-ingress"),
                beans.getBeanProvider(SecretBox.class), directory);
        started.start();
        return started;
    }
}
