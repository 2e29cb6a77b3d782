package io.switchboard.billing;

import java.time.Duration;

import io.switchboard.billing.wallet.domain.LedgerPublisher;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one billing context of the integration tests, on the run's shared broker: every IT class that does
 * not break its context extends this and declares nothing that would change the context's key (no
 * properties, no bean overrides of its own), so they all share one instance. That also keeps to billing's
 * rule that only one instance consumes at a time; a test that needs another instance stops this one's
 * listeners first ({@link BillingRestartIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class BillingIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    static BillingTopics billing;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/billing-service");
    }

    @Autowired
    WebTestClient web;

    /** A spy (reset after each test) so that a test can inject a failure into the charging transaction. */
    @MockitoSpyBean
    LedgerPublisher ledgerPublisher;

    WalletApi wallets;

    @BeforeAll
    static void connect() {
        billing = new BillingTopics(SharedKafkaBroker.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        billing.close();
    }

    @BeforeEach
    void walletApi() {
        wallets = new WalletApi(
                web.mutate().responseTimeout(Duration.ofSeconds(30)).build());
    }
}
