package io.switchboard.dialer.provider.twilio;

import com.twilio.http.TwilioRestClient;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TwilioClientConfig {

    static final String RETRY_NAME = "twilio-calls";

    @Bean
    TwilioCallsClient twilioCallsClient(DialerProperties properties, RetryRegistry retries, MeterRegistry meters) {
        DialerProperties.Twilio twilio = properties.twilio();
        // Registered in Resilience4j's registry so its retry metrics reach /actuator/prometheus.
        Retry retry = retries.retry(RETRY_NAME, retryConfig(twilio.retry()));
        return new TwilioCallsClient(restClient(twilio), retry, properties.ingressBaseUrl(),
                properties.callbackConnectionOverrides(), meters);
    }

    static TwilioRestClient restClient(DialerProperties.Twilio twilio) {
        return new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new TwilioHttpClient(twilio.apiBaseUrl(), twilio.timeout()))
                .build();
    }

    static RetryConfig retryConfig(DialerProperties.Retry retry) {
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialBackoff(), retry.multiplier(),
                        retry.maxBackoff()))
                .retryOnException(TwilioFailures::isTransient)
                .build();
    }
}
