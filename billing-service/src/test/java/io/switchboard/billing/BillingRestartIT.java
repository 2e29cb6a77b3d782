package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEventKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A restarted billing instance rebuilds its wallets from the topics and charges nothing twice. */
class BillingRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void whenRestartedThenStateRebuiltAndAlreadyChargedCallNotChargedAgain() {
        try (var kafka = new BillingKafka(SharedKafkaBroker.bootstrapServers())) {
            // given an instance that took a top-up and charged a call, then stopped
            String account = newAccountId();
            String callId = newCallId();
            var snapshot = completed(account, callId, 65);
            try (var first = startBilling()) {
                var wallets = api(first);
                wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
                kafka.publish(snapshot);
                await().atMost(WAIT).until(() -> kafka.charges(account, true).size() == 1);
                wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("9.90");
            }

            // when a new instance starts against the same broker
            try (var second = startBilling()) {
                var wallets = api(second);

                // then its state is rebuilt before it serves: same balance, same charged calls and top-ups
                wallets.balance(account).expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo("9.90");
                kafka.awaitHandled(kafka.send(callId, kafka.signed(snapshot)));
                assertThat(kafka.charges(account, true)).extracting(CallCharged::callId).containsExactly(callId);
                wallets.topUp(account, "t-1", "10.00").expectStatus().isOk()
                        .expectBody().jsonPath("$.balance").isEqualTo("9.90");

                // and it goes on charging new calls from the rebuilt balance
                String next = newCallId();
                kafka.publish(completed(account, next, 30));
                await().atMost(WAIT).until(() -> kafka.charges(account, true).size() == 2);
                wallets.balance(account).expectBody().jsonPath("$.balance").isEqualTo("9.85");
                assertThat(kafka.walletUpdates(account).getLast().balance()).isEqualByComparingTo("9.85");
            }
        }
    }

    private static ConfigurableApplicationContext startBilling() {
        var args = new ArrayList<String>();
        args.add("--server.port=0");
        args.add("--spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers());
        TestEventKeys.properties("/switchboard/billing-service").forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(BillingServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static WalletApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new WalletApi(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }
}
