package io.switchboard.events.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.events.config.SwitchboardEventsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The shared API security on a bare WebFlux application: what a service gets by adding the starter. */
class ApiSecurityAutoConfigurationTests {

    private static final String ISSUER = "https://issuer.example.test";
    private static final KeyPair KEYS = rsaKeys();

    @Test
    void whenNoAudienceConfiguredThenTheServiceDoesNotStart() {
        var failure = catchThrowable(() -> start("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER)
                .close());

        assertThat(failure).rootCause().hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void whenIssuerUnreachableThenTokensAreAnsweredServiceUnavailable() throws Exception {
        try (var app = start(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/issuer",
                "--spring.security.oauth2.resourceserver.jwt.audiences=switchboard")) {
            client(app)
                    .get()
                    .uri("/api/echo")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(KEYS, "http://127.0.0.1:1/issuer"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "5");
        }
    }

    @Test
    void whenPathHasNoRuleThenRefusedEvenWithATokenAndARuledOneAdmits() throws Exception {
        try (var app = start(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyFile(KEYS),
                "--spring.security.oauth2.resourceserver.jwt.audiences=switchboard")) {
            var client = client(app);
            client.get().uri("/api/unruled").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/api/unruled")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(KEYS, ISSUER))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            client.get()
                    .uri("/api/echo")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(KEYS, ISSUER))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .isEqualTo("tester");
        }
    }

    @Test
    void whenBodyStreamedPastTheLimitThenRefused() throws Exception {
        try (var app = start(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyFile(KEYS),
                "--spring.security.oauth2.resourceserver.jwt.audiences=switchboard",
                "--switchboard.security.max-request-body=1KB")) {
            String bearer = "Bearer " + token(KEYS, ISSUER);
            var buffers = new DefaultDataBufferFactory();
            var chunks = Flux.range(0, 8).map(i -> buffers.wrap("x".repeat(512).getBytes(StandardCharsets.US_ASCII)));
            client(app)
                    .post()
                    .uri("/api/upload")
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .body(chunks, DataBuffer.class)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(413);
            client(app)
                    .post()
                    .uri("/api/upload")
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .bodyValue("x".repeat(2048))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(413);
            client(app)
                    .post()
                    .uri("/api/upload")
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .bodyValue("small")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        var application = new SpringApplication(TestApi.class);
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--spring.main.banner-mode=off";
        all[2] = "--logging.structured.format.console=";
        System.arraycopy(args, 0, all, 3, args.length);
        return application.run(all);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static String token(KeyPair signer, String issuer) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject("tester")
                        .issuer(issuer)
                        .audience("switchboard")
                        .claim("scope", "calls:read")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile(KeyPair keys) {
        try {
            Path file = Files.createTempFile("issuer", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return file.toUri().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = SwitchboardEventsAutoConfiguration.class)
    static class TestApi {

        @Bean
        ApiAccessRules rules() {
            return new ApiAccessRules()
                    .allow(HttpMethod.GET, "/api/echo", Scope.CALLS_READ)
                    .allow(HttpMethod.POST, "/api/upload", Scope.CALLS_READ);
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/echo")
        Mono<String> echo(Caller caller) {
            return Mono.just(caller.subject());
        }

        @PostMapping("/api/upload")
        Mono<String> upload(@RequestBody String body) {
            return Mono.just("ok");
        }
    }
}
