package io.switchboard.ingress.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTests {

    private final TrustedProxies proxies =
            TrustedProxies.parse(List.of("10.0.0.0/8", " 192.168.1.7 ", "fd00::/8", "172.16.0.0/12"));

    @Test
    void whenAddressIsInABlockThenTrusted() throws UnknownHostException {
        assertThat(proxies.contains(ip("10.1.2.3"))).isTrue();
        assertThat(proxies.contains(ip("192.168.1.7"))).isTrue();
        assertThat(proxies.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(proxies.contains(ip("172.31.255.255"))).isTrue();
    }

    @Test
    void whenAddressIsOutsideEveryBlockThenNotTrusted() throws UnknownHostException {
        assertThat(proxies.contains(ip("11.0.0.1"))).isFalse();
        assertThat(proxies.contains(ip("192.168.1.8"))).isFalse();
        assertThat(proxies.contains(ip("172.32.0.1"))).isFalse();
        assertThat(proxies.contains(ip("fe80::1"))).isFalse();
        assertThat(proxies.contains(null)).isFalse();
    }

    @Test
    void whenNothingIsConfiguredThenNoOneIsTrusted() throws UnknownHostException {
        assertThat(TrustedProxies.parse(List.of()).contains(ip("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "256.1.1.1", "10.0.0.0/x", "::1/129", "1.2.3"})
    void whenAnEntryIsNotAnAddressOrBlockThenStartUpFails(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
