package io.switchboard.ingress.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.switchboard.ingress.config.IngressProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

class PublicUrlResolverTests {

    private static final String PATH = "/webhooks/twilio/acme/status";

    private final PublicUrlResolver resolver = resolver("https://hooks.example.com/ingress", List.of("10.0.0.0/8"));

    @Test
    void whenNoProxyHeadersThenBaseUrlPlusPathAndQueryExactlyAsSent() {
        var request = from("203.0.113.9", PATH + "?to=%2B1415&x=a+b%26c").build();

        assertThat(resolver.resolve(request))
                .hasToString("https://hooks.example.com/ingress" + PATH + "?to=%2B1415&x=a+b%26c");
    }

    @Test
    void whenForwardedHeadersComeFromATrustedProxyThenTheyNameTheUrl() {
        var request = from("10.3.4.5", PATH)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "other.example.com")
                .header("X-Forwarded-Port", "8080")
                .build();

        assertThat(resolver.resolve(request)).hasToString("http://other.example.com:8080/ingress" + PATH);
    }

    @Test
    void whenForwardedHeadersComeFromAnyoneElseThenTheyAreIgnored() {
        var request = from("203.0.113.9", PATH)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("X-Forwarded-Port", "8080")
                .build();

        assertThat(resolver.resolve(request)).hasToString("https://hooks.example.com/ingress" + PATH);
    }

    @Test
    void whenSeveralProxiesAppendedThenTheFirstClientFacingValueCounts() {
        var request = from("10.3.4.5", PATH)
                .header("X-Forwarded-Proto", "https, http")
                .header("X-Forwarded-Host", "edge.example.com:8443, internal.local")
                .build();

        assertThat(resolver.resolve(request)).hasToString("https://edge.example.com:8443/ingress" + PATH);
    }

    @Test
    void whenForwardedValuesAreNotPlainSchemeHostOrPortThenTheyAreIgnored() {
        var request = from("10.3.4.5", PATH)
                .header("X-Forwarded-Proto", "javascript")
                .header("X-Forwarded-Host", "evil.example.com/path@x")
                .header("X-Forwarded-Port", "99999")
                .build();

        assertThat(resolver.resolve(request)).hasToString("https://hooks.example.com/ingress" + PATH);
    }

    @Test
    void whenOnlyTheProtoIsForwardedThenTheBaseHostIsKept() {
        var request = from("10.3.4.5", PATH).header("X-Forwarded-Proto", "HTTP").build();

        assertThat(resolver.resolve(request)).hasToString("http://hooks.example.com/ingress" + PATH);
    }

    @Test
    void whenNoProxyIsTrustedThenEvenLocalPeersAreIgnored() {
        var strict = resolver("https://hooks.example.com:8443", List.of());
        var request = from("127.0.0.1", PATH)
                .header("X-Forwarded-Host", "evil.example.com")
                .build();

        assertThat(strict.resolve(request)).hasToString("https://hooks.example.com:8443" + PATH);
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer, String pathAndQuery) {
        // A URI, not a template: a template would be re-encoded, and the test is that nothing is.
        return MockServerHttpRequest.method(HttpMethod.POST, URI.create("http://10.0.0.1:8080" + pathAndQuery))
                .remoteAddress(new InetSocketAddress(peer, 51234));
    }

    private static PublicUrlResolver resolver(String baseUrl, List<String> trustedProxies) {
        return new PublicUrlResolver(new IngressProperties(
                baseUrl,
                trustedProxies,
                DataSize.ofKilobytes(64),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                new IngressProperties.Dedup(10, Duration.ofMinutes(1)),
                new IngressProperties.Signing(Duration.ofMillis(1), 128),
                new IngressProperties.Routing(Duration.ofSeconds(1))));
    }
}
