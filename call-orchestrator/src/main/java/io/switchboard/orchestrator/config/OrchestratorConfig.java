package io.switchboard.orchestrator.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrchestratorConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
