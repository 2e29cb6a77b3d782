package io.switchboard.dialer.provider.twilio.config;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.provider.twilio.client.TwilioCallsClient;
import io.switchboard.dialer.provider.twilio.client.TwilioRestClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TwilioClientConfig {

    private static final String RETRY_NAME = "twilio-calls";

    @Bean
    TwilioCallsClient twilioCallsClient(DialerProperties properties, RetryRegistry retries, MeterRegistry meters) {
        DialerProperties.Twilio twilio = properties.twilio();
        // Registered in Resilience4j's registry so its retry metrics reach /actuator/prometheus.
        Retry retry = retries.retry(RETRY_NAME, TwilioCallsClient.retryConfig(twilio.retry()));
        return new TwilioCallsClient(
                new TwilioRestClients(twilio),
                retry,
                properties.ingressBaseUrl(),
                properties.callbackConnectionOverrides(),
                meters);
    }
}
