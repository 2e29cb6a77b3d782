package io.switchboard.ingress;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.ingress.testing.TestSecrets;
import io.switchboard.ingress.testing.VapiSignatures;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * VAPI accounts on accounts.v1, one per verification scheme, and posting server messages as VAPI
 * does: JSON with the secret header, or HMAC-signed over timestamp and raw body.
 */
abstract class VapiITSupport extends WebhookIngressITSupport {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SECRET_ACCOUNT = "vapi-secret-" + RUN;
    static final String SECRET = "vapi-" + UUID.randomUUID();
    static final String HMAC_ACCOUNT = "vapi-hmac-" + RUN;
    static final String HMAC_SECRET = "hmac-" + UUID.randomUUID();

    private static final AtomicBoolean PUBLISHED = new AtomicBoolean();

    @BeforeEach
    void vapiAccountsConfigured() {
        if (PUBLISHED.compareAndSet(false, true)) {
            var box = TestSecrets.box();
            String kafka = SharedKafkaBroker.bootstrapServers();
            TestAccounts.configure(kafka, SECRET_ACCOUNT, TestAccounts.vapi(box, SECRET_ACCOUNT, SECRET));
            TestAccounts.configure(kafka, HMAC_ACCOUNT, new ProviderCredential("vapi", null,
                    box.seal(HMAC_SECRET, HMAC_ACCOUNT), "hmac-sha256"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> accounts.isLoaded()
                && accounts.credential(SECRET_ACCOUNT, "vapi").isPresent()
                && accounts.credential(HMAC_ACCOUNT, "vapi").isPresent());
    }

    static String path(String accountId) {
        return "/webhooks/vapi/" + accountId;
    }

    /** As VAPI posts for a Bearer Token credential on header X-Vapi-Secret (the legacy server secret). */
    WebTestClient.ResponseSpec postWithSecret(byte[] body) {
        return web.post().uri(path(SECRET_ACCOUNT)).contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", SECRET).bodyValue(body).exchange();
    }

    /** As VAPI posts for an HMAC credential with its defaults, signed now. */
    WebTestClient.ResponseSpec postSigned(byte[] body) {
        return postSigned(body, String.valueOf(Instant.now().getEpochSecond()));
    }

    WebTestClient.ResponseSpec postSigned(byte[] body, String timestamp) {
        return web.post().uri(path(HMAC_ACCOUNT)).contentType(MediaType.APPLICATION_JSON)
                .header("x-timestamp", timestamp)
                .header("x-signature", VapiSignatures.sign(HMAC_SECRET, timestamp, body))
                .bodyValue(body).exchange();
    }
}
