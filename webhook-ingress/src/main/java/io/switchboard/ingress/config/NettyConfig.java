package io.switchboard.ingress.config;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long a request body may take, so a client that declares more than it sends, or drips
 * its body, cannot hold a connection open forever. Reactor Netty fails the body read (the webhook is
 * answered 400) and closes the connection. Header and request-line limits are Boot properties
 * ({@code server.max-http-request-header-size}, {@code server.netty.max-initial-line-length}).
 */
@Configuration(proxyBeanMethods = false)
class NettyConfig {

    @Bean
    NettyServerCustomizer requestBodyTimeout(IngressProperties properties) {
        return server -> server.requestTimeout(properties.bodyTimeout());
    }
}
