package io.switchboard.ingress.testing;

import java.util.List;

import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TopicProbe;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the ingress published to provider-events.v1 during each test, by call id. Register it with
 * {@code @RegisterExtension}: it starts before each test, once the application (which creates the
 * catalogue's topics) is up, and stops after it.
 */
public final class WebhookProbe implements BeforeEachCallback, AfterEachCallback {

    private TopicProbe probe;

    @Override
    public void beforeEach(ExtensionContext context) {
        probe = TopicProbe.fromEnd(SharedKafkaBroker.bootstrapServers(), Topic.PROVIDER_EVENTS);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        probe.close();
    }

    /** Waits for the call's first event, then makes sure no second one follows. */
    public ReceivedEvent<Object> exactlyOneEventFor(String callId) {
        return probe.exactlyOneEventFor(callId);
    }

    public void assertNothingPublishedFor(String callId) {
        probe.assertNothingPublishedFor(callId);
    }

    public List<ReceivedEvent<Object>> eventsFor(String callId) {
        return probe.eventsFor(callId);
    }
}
