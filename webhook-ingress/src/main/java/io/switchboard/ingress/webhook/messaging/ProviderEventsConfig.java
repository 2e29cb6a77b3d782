package io.switchboard.ingress.webhook.messaging;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.kafka.BatchSigningPublisher;
import io.switchboard.ingress.config.IngressProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Provider events are signed in batches ({@code switchboard.ingress.signing.*}) and sent by one signing thread. */
@Configuration(proxyBeanMethods = false)
class ProviderEventsConfig {

    @Bean(destroyMethod = "close")
    BatchSigningPublisher providerEventBatches(
            KafkaTemplate<String, CloudEvent> template,
            EventEnvelopes envelopes,
            IngressProperties properties,
            MeterRegistry meters) {
        DistributionSummary batchSizes = DistributionSummary.builder("switchboard.webhook.signing.batch.size")
                .description("Provider events signed under one envelope signature")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        return new BatchSigningPublisher(
                template,
                envelopes,
                properties.signing().linger(),
                properties.signing().maxBatch(),
                batchSizes::record);
    }
}
