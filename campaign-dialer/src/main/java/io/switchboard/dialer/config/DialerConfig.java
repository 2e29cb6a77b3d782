package io.switchboard.dialer.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DialerConfig {

    /** Event times come from one clock so tests can pin them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
