package io.switchboard.ingress;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.ingress.testing.TestSecrets;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.TwilioSignatures;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The ingress on a random port against the shared real broker. Twilio is told (and signs for) a
 * public URL behind a proxy, not the port the test connects to, as in production; the test client
 * (127.0.0.1) is not a trusted proxy. Accounts and their sealed Twilio credentials come from
 * accounts.v1, published as the orchestrator would. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class WebhookIngressITSupport {

    static final String PUBLIC_BASE_URL = "https://ingress.example.test";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Twilio account {@link TwilioForms#ACCOUNT_SID}. */
    static final String ACCOUNT = "acme-" + RUN;
    static final String AUTH_TOKEN = "auth-" + UUID.randomUUID();
    /** Another Twilio account with its own AccountSid and token. */
    static final String OTHER_ACCOUNT = "globex-" + RUN;
    static final String OTHER_ACCOUNT_SID = TwilioForms.newAccountSid();
    static final String OTHER_AUTH_TOKEN = "auth-" + UUID.randomUUID();
    /** Has a VAPI credential only. */
    static final String VAPI_ONLY_ACCOUNT = "initech-" + RUN;
    /** Its Twilio credential is sealed with a key the ingress does not hold. */
    static final String UNOPENABLE_ACCOUNT = "hooli-" + RUN;

    private static final AtomicBoolean ACCOUNTS_PUBLISHED = new AtomicBoolean();

    @Autowired
    WebTestClient web;

    @Autowired
    AccountDirectory accounts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/webhook-ingress");
        TestSecrets.register(registry);
        registry.add("switchboard.ingress.public-base-url", () -> PUBLIC_BASE_URL);
        registry.add("switchboard.ingress.trusted-proxies", () -> "192.0.2.0/24");
        registry.add("switchboard.ingress.body-timeout", () -> "2s");
    }

    /** Published once the app runs (it created the topics), then read by its accounts.v1 follower. */
    @BeforeEach
    void accountsConfigured() {
        if (ACCOUNTS_PUBLISHED.compareAndSet(false, true)) {
            String kafka = SharedKafkaBroker.bootstrapServers();
            var box = TestSecrets.box();
            TestAccounts.configure(kafka, ACCOUNT, TestAccounts.twilio(box, ACCOUNT, TwilioForms.ACCOUNT_SID, AUTH_TOKEN));
            TestAccounts.configure(kafka, OTHER_ACCOUNT,
                    TestAccounts.twilio(box, OTHER_ACCOUNT, OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN));
            TestAccounts.configure(kafka, VAPI_ONLY_ACCOUNT, TestAccounts.vapi(box, VAPI_ONLY_ACCOUNT, "vapi-secret"));
            TestAccounts.configure(kafka, UNOPENABLE_ACCOUNT, TestAccounts.twilio(TestSecrets.foreignBox(),
                    UNOPENABLE_ACCOUNT, TwilioForms.ACCOUNT_SID, AUTH_TOKEN));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> accounts.isLoaded()
                && accounts.credential(ACCOUNT, "twilio").isPresent()
                && accounts.credential(OTHER_ACCOUNT, "twilio").isPresent()
                && accounts.credential(VAPI_ONLY_ACCOUNT, "vapi").isPresent()
                && accounts.unusableCredentialCount() > 0);
    }

    /** Posts the form signed as Twilio would for {@code path} (with its query string, if any). */
    WebTestClient.ResponseSpec postSigned(String path, Map<String, String> form) {
        return post(path, form, sign(path, form), null);
    }

    WebTestClient.ResponseSpec post(String path, Map<String, String> form, String signature, String idempotencyToken) {
        var body = new LinkedMultiValueMap<String, String>();
        form.forEach(body::add);
        return web.post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add("X-Twilio-Signature", signature);
                    }
                    if (idempotencyToken != null) {
                        headers.add("I-Twilio-Idempotency-Token", idempotencyToken);
                    }
                })
                .body(BodyInserters.fromFormData(body))
                .exchange();
    }

    static String sign(String path, Map<String, String> form) {
        return TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form);
    }
}
