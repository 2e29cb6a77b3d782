package io.switchboard.dialer.provider.twilio.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.provider.twilio.client.TwilioCallsClient;
import io.switchboard.dialer.provider.twilio.client.TwilioRestClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TwilioClientConfig {

    @Bean
    TwilioCallsClient twilioCallsClient(DialerProperties properties, MeterRegistry meters) {
        return new TwilioCallsClient(
                new TwilioRestClients(properties.twilio()),
                properties.ingressBaseUrl(),
                properties.callbackConnectionOverrides(),
                meters);
    }
}
