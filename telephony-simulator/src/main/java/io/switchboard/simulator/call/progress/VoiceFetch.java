package io.switchboard.simulator.call.progress;

import java.util.Map;

import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.webhook.Webhook;
import io.switchboard.simulator.webhook.WebhookClient;
import io.switchboard.simulator.webhook.WebhookResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Asks a voice URL for TwiML, inbound and outbound alike: signed like every webhook and journaled, but
 * never retried, since Twilio goes to the fallback URL instead.
 */
@Component
class VoiceFetch {

    /** Enough to see what the application answered without letting a huge body sit in memory. */
    private static final int MAX_TWIML_CHARS = 4000;

    private final WebhookClient client;

    VoiceFetch(WebhookClient client) {
        this.client = client;
    }

    Mono<WebhookResponse> fetch(SimulatedCall call, String url, HttpMethod method, Map<String, String> params) {
        Webhook voice = Webhook.of("voice", call.spec().accountSid(), url, method, params);
        return client.deliver(voice, false, call::journal);
    }

    static String bounded(String twiml) {
        return twiml.length() > MAX_TWIML_CHARS ? twiml.substring(0, MAX_TWIML_CHARS) : twiml;
    }
}
