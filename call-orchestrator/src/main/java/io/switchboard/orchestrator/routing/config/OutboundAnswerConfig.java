package io.switchboard.orchestrator.routing.config;

import java.time.Clock;

import io.switchboard.orchestrator.routing.domain.OutboundRequests;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundAnswerProperties.class)
class OutboundAnswerConfig {

    @Bean
    OutboundRequests outboundRequests(OutboundAnswerProperties properties, Clock clock) {
        return new OutboundRequests(properties.requestRetention(), clock);
    }
}
