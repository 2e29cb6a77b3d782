package io.switchboard.simulator.call.progress;

import java.util.List;

import io.switchboard.simulator.webhook.WebhookResponse;
import org.w3c.dom.Element;

/** What Twilio would make of an inbound call's voice webhook response: answer the call, or end it and how. */
enum AnswerTwiml {
    ANSWER,
    REJECT_BUSY,
    REJECT,
    HANGUP,
    FAILED;

    /** Only a response whose first verb is Reject or Hangup keeps the call from being answered. */
    static AnswerTwiml of(WebhookResponse response) {
        if (!response.successful()) {
            return FAILED;
        }
        return TwimlDocument.parse(response.body())
                .map(TwimlDocument::verbs)
                .map(AnswerTwiml::firstVerb)
                .orElse(FAILED);
    }

    private static AnswerTwiml firstVerb(List<Element> verbs) {
        if (verbs.isEmpty() || "Hangup".equals(verbs.getFirst().getTagName())) {
            return HANGUP;
        }
        Element verb = verbs.getFirst();
        if ("Reject".equals(verb.getTagName())) {
            return "busy".equals(verb.getAttribute("reason")) ? REJECT_BUSY : REJECT;
        }
        return ANSWER;
    }
}
