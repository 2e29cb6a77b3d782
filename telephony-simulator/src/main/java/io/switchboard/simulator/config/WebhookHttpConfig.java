package io.switchboard.simulator.config;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client for outgoing webhooks. Reactor Netty's default pool (16 connections, 32 waiting) would
 * reject deliveries when hundreds of calls progress at once, so the pool is sized from configuration
 * and waiting requests queue instead of failing.
 */
@Configuration(proxyBeanMethods = false)
class WebhookHttpConfig {

    @Bean(destroyMethod = "dispose")
    ConnectionProvider webhookConnectionProvider(SimulatorProperties properties) {
        return ConnectionProvider.builder("webhooks")
                .maxConnections(properties.webhookMaxConnections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(properties.webhookTimeout())
                .build();
    }

    @Bean
    WebClient webhookWebClient(ConnectionProvider webhookConnectionProvider, SimulatorProperties properties) {
        HttpClient http = HttpClient.create(webhookConnectionProvider)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.webhookTimeout().toMillis())
                .responseTimeout(properties.webhookTimeout());
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }
}
