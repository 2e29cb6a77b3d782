package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.RefusedEvents;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEventKeys;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A restarted billing instance rebuilds its wallets from the topics and charges nothing twice. The shared
 * context is the instance that stops: its listeners are stopped, since only one billing instance may consume
 * at a time. The restarted instance must start from nothing but the topics, so it is an application of its
 * own (not a test context), closed at the end of the test; then the shared context's listeners start again.
 */
class BillingRestartIT extends BillingIntegrationTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private Wallets state;

    @Autowired
    private MeterRegistry meters;

    @Test
    void whenRestartedThenStateRebuiltAndAlreadyChargedCallNotChargedAgain() {
        // given an instance that took a top-up and charged a call, then stopped consuming
        String account = newAccountId();
        String callId = newCallId();
        var snapshot = completed(account, callId, 65);
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
        billing.publish(snapshot);
        await().atMost(WAIT).until(() -> billing.charges(account).size() == 1);
        wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("9.90");
        listeners.stop();

        // when a new instance starts against the same broker
        try (var restarted = startBilling()) {
            var restartedWallets = api(restarted);

            // then its state is rebuilt before it serves: same balance, same charged calls and top-ups
            restartedWallets
                    .balance(account)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.balance")
                    .isEqualTo("9.90");
            billing.awaitHandled(
                    billing.events().send(Topic.CALL_STATES, BillingTopics.keyOf(snapshot), billing.signed(snapshot)));
            assertThat(billing.charges(account)).extracting(CallCharged::callId).containsExactly(callId);
            restartedWallets
                    .topUp(account, "t-1", "10.00")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.balance")
                    .isEqualTo("9.90");

            // and it goes on charging new calls from the rebuilt balance
            String next = newCallId();
            billing.publish(completed(account, next, 30));
            await().atMost(WAIT).until(() -> billing.charges(account).size() == 2);
            restartedWallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("9.85");
            assertThat(billing.walletUpdates(account).getLast().balance()).isEqualByComparingTo("9.85");
        } finally {
            listeners.start();
        }
    }

    @Test
    void whenAnOldWalletStateIsProducedAgainThenItIsRefusedAsStaleBeforeAndAfterARestart() {
        // given a wallet topped up twice: states of versions 1 (10.00) and 2 (15.00) on wallets.v1
        String account = newAccountId();
        wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
        wallets.topUp(account, "t-2", "5.00").expectStatus().isOk();
        assertThat(billing.walletUpdates(account))
                .extracting(WalletUpdated::version)
                .containsExactly(1L, 2L);
        double refusedBefore = staleWalletStates(meters);

        // when version 1, exactly as billing signed it, is produced to wallets.v1 again
        billing.events().send(Topic.WALLETS, account, billing.signedWalletState(account, 1));

        // then a rebuild of the running instance refuses it and keeps 15.00; the next state is version 3
        state.markStale();
        wallets.topUp(account, "t-3", "1.00")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo("16.00");
        assertThat(staleWalletStates(meters)).isGreaterThanOrEqualTo(refusedBefore + 1);
        WalletUpdated latest = billing.walletUpdates(account).getLast();
        assertThat(latest.balance()).isEqualByComparingTo("16.00");
        assertThat(latest.version()).isEqualTo(3L);
        listeners.stop();

        // and a restarted instance refuses it too, serves 16.00 and goes on from version 3
        try (var restarted = startBilling()) {
            var restartedWallets = api(restarted);
            restartedWallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("16.00");
            assertThat(staleWalletStates(restarted.getBean(MeterRegistry.class)))
                    .isGreaterThanOrEqualTo(1);
            restartedWallets
                    .topUp(account, "t-4", "1.00")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.balance")
                    .isEqualTo("17.00");
            assertThat(billing.walletUpdates(account))
                    .extracting(WalletUpdated::version)
                    .containsExactly(1L, 2L, 1L, 3L, 4L);
        } finally {
            listeners.start();
        }
    }

    private static double staleWalletStates(MeterRegistry meters) {
        return RefusedEvents.count(meters, Topic.WALLETS, Refusal.STALE_SNAPSHOT);
    }

    private static ConfigurableApplicationContext startBilling() {
        var args = new ArrayList<String>();
        args.add("--server.port=0");
        args.add("--spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers());
        args.add("--management.server.port=0");
        TestEventKeys.properties("/switchboard/billing-service")
                .forEach((name, value) -> args.add("--" + name + "=" + value));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(BillingServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static WalletApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new WalletApi(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }
}
