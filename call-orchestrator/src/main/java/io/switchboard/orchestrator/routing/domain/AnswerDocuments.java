package io.switchboard.orchestrator.routing.domain;

import java.util.Map;

import io.switchboard.orchestrator.account.domain.Route;

/**
 * A provider's answer language: TwiML for Twilio, the assistant-request response JSON for VAPI;
 * Plivo XML and ExoML are further adapters of this. The routing request's provider picks one.
 */
public interface AnswerDocuments {

    /** The provider whose language this is, as routing requests name it, e.g. {@code twilio}. */
    String provider();

    /** Connects the call to the route's assistant. */
    default AnswerDocument connect(String callId, Route route) {
        return connect(callId, route, Map.of());
    }

    /** Connects the call to the route's assistant, passing it {@code parameters} besides the call's identity. */
    AnswerDocument connect(String callId, Route route, Map<String, String> parameters);

    /** Ends the call without a word: for a call we placed that no assistant can take. */
    AnswerDocument hangUp();

    /** Tells the caller the number is not in service and ends the call. */
    AnswerDocument notInService();
}
