package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.newAccountId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The top-up API's audit trail on the real broker: each credit is one entry on audit.v1, committed in the
 * top-up's own Kafka transaction and so readable when the answer comes; a repeated top-up id credits and
 * audits nothing more; a top-up refused on account grounds is an entry too.
 */
class WalletAuditIT extends BillingIntegrationTest {

    @Test
    void whenToppedUpThenOneEntryOfTheTokensSubjectNamesTheCredit() {
        // given
        String account = newAccountId();

        // when topped up, then the same top-up is repeated
        topUp(account, account, "alice@" + account, "t-1", "25.00")
                .expectStatus()
                .isOk();
        topUp(account, account, "alice@" + account, "t-1", "25.00")
                .expectStatus()
                .isOk();

        // then one entry, committed before the answer
        assertThat(billing.audits(account)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("wallet.topped-up");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(entry.subject()).isEqualTo("alice@" + account);
            assertThat(entry.actorAccountId()).isEqualTo(account);
            assertThat(entry.accountId()).isEqualTo(account);
            assertThat(entry.resource()).isEqualTo("/api/wallets/" + account + "/top-ups");
            assertThat(entry.parts()).containsExactly("wallet");
            assertThat(entry.changes()).containsExactly("topUpId: t-1", "wallet: +25.00 USD, balance 25.00 USD");
        });
        assertThat(billing.topUps(account)).hasSize(1);
    }

    @Test
    void whenAnotherAccountTopsUpTheWalletThenTheRefusalIsAnEntryAndNothingIsCredited() {
        // given
        String account = newAccountId();

        // when
        topUp(account, "intruder", "mallory", "t-1", "5.00").expectStatus().isNotFound();

        // then
        List<AuditRecorded> entries = billing.audits(account);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("wallet.topped-up");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(entry.subject()).isEqualTo("mallory");
            assertThat(entry.actorAccountId()).isEqualTo("intruder");
            assertThat(entry.changes()).isEmpty();
        });
        assertThat(billing.topUps(account)).isEmpty();
    }

    @Test
    void whenATopUpIsInvalidThenNothingIsAudited() {
        // given
        String account = newAccountId();

        // when
        topUp(account, account, "alice", "t-1", "-5.00").expectStatus().isBadRequest();

        // then
        assertThat(billing.audits(account)).isEmpty();
    }

    private WebTestClient.ResponseSpec topUp(
            String wallet, String tokenAccount, String subject, String topUpId, String amount) {
        return web.post()
                .uri("/api/wallets/{accountId}/top-ups", wallet)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer "
                                + TestTokens.token(tokenAccount, Scope.BILLING_WRITE)
                                        .withSubject(subject)
                                        .encoded())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topUpId\":\"" + topUpId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}")
                .exchange();
    }
}
