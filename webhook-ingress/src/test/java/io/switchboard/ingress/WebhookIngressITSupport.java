package io.switchboard.ingress;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.ManagementClient;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TwilioSignatures;
import io.switchboard.testsupport.VapiSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The ingress on a random port against the shared real broker; every IT of this module that can
 * extends it, so they share one application context. Twilio is told (and signs for) a public URL
 * behind a proxy, not the port the test connects to, as in production; the test client (127.0.0.1)
 * is not a trusted proxy. Accounts and their sealed credentials come from accounts.v1, published as
 * the orchestrator would: Twilio accounts, and VAPI accounts for each verification scheme. Requests
 * are posted as the providers post them.
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
    /** A VAPI account verified by the secret header. */
    static final String SECRET_ACCOUNT = "vapi-secret-" + RUN;

    static final String SECRET = "vapi-" + UUID.randomUUID();
    /** A VAPI account verified by an HMAC signature. */
    static final String HMAC_ACCOUNT = "vapi-hmac-" + RUN;

    static final String HMAC_SECRET = "hmac-" + UUID.randomUUID();

    private static final AtomicBoolean ACCOUNTS_PUBLISHED = new AtomicBoolean();

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

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
            TestAccounts.configure(
                    kafka, ACCOUNT, TestAccounts.twilio(box, ACCOUNT, TwilioForms.ACCOUNT_SID, AUTH_TOKEN));
            TestAccounts.configure(
                    kafka, OTHER_ACCOUNT, TestAccounts.twilio(box, OTHER_ACCOUNT, OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN));
            TestAccounts.configure(kafka, VAPI_ONLY_ACCOUNT, TestAccounts.vapi(box, VAPI_ONLY_ACCOUNT, "vapi-secret"));
            TestAccounts.configure(
                    kafka,
                    UNOPENABLE_ACCOUNT,
                    TestAccounts.twilio(
                            TestSecrets.foreignBox(), UNOPENABLE_ACCOUNT, TwilioForms.ACCOUNT_SID, AUTH_TOKEN));
            TestAccounts.configure(kafka, SECRET_ACCOUNT, TestAccounts.vapi(box, SECRET_ACCOUNT, SECRET));
            TestAccounts.configure(
                    kafka,
                    HMAC_ACCOUNT,
                    new ProviderCredential("vapi", null, box.seal(HMAC_SECRET, HMAC_ACCOUNT), "hmac-sha256"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> accounts.isLoaded()
                        && accounts.credential(ACCOUNT, "twilio").isPresent()
                        && accounts.credential(OTHER_ACCOUNT, "twilio").isPresent()
                        && accounts.credential(VAPI_ONLY_ACCOUNT, "vapi").isPresent()
                        && accounts.credential(SECRET_ACCOUNT, "vapi").isPresent()
                        && accounts.credential(HMAC_ACCOUNT, "vapi").isPresent()
                        && accounts.unusableCredentialCount() > 0);
    }

    /** Posts the form signed as Twilio would for {@code path} (with its query string, if any). */
    /** Actuator: probes and Prometheus listen on the management port, never on the webhook port. */
    ManagementClient management() {
        return ManagementClient.on(managementPort);
    }

    WebTestClient.ResponseSpec postSigned(String path, Map<String, String> form) {
        return post(path, form, sign(path, form), null);
    }

    WebTestClient.ResponseSpec post(String path, Map<String, String> form, String signature, String idempotencyToken) {
        var body = new LinkedMultiValueMap<String, String>();
        form.forEach(body::add);
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add(TwilioSignatures.HEADER, signature);
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

    /** The VAPI server URL of an account. */
    static String vapiPath(String accountId) {
        return "/webhooks/vapi/" + accountId;
    }

    /** As VAPI posts for a Bearer Token credential on header X-Vapi-Secret (the legacy server secret). */
    WebTestClient.ResponseSpec postWithSecret(byte[] body) {
        return web.post()
                .uri(vapiPath(SECRET_ACCOUNT))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", SECRET)
                .bodyValue(body)
                .exchange();
    }

    /** As VAPI posts for an HMAC credential with its defaults, signed now. */
    WebTestClient.ResponseSpec postSigned(byte[] body) {
        return postSigned(body, VapiSignatures.now());
    }

    WebTestClient.ResponseSpec postSigned(byte[] body, String timestamp) {
        return web.post()
                .uri(vapiPath(HMAC_ACCOUNT))
                .contentType(MediaType.APPLICATION_JSON)
                .header(VapiSignatures.TIMESTAMP_HEADER, timestamp)
                .header(VapiSignatures.SIGNATURE_HEADER, VapiSignatures.sign(HMAC_SECRET, timestamp, body))
                .bodyValue(body)
                .exchange();
    }
}
