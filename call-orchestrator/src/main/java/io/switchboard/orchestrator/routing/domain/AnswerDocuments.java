package io.switchboard.orchestrator.routing.domain;

import io.switchboard.orchestrator.account.domain.Route;

/**
 * A provider's answer language: TwiML for Twilio, the assistant-request response JSON for VAPI;
 * Plivo XML and ExoML are further adapters of this. The routing request's provider picks one.
 */
public interface AnswerDocuments {

    /** The provider whose language this is, as routing requests name it, e.g. {@code twilio}. */
    String provider();

    /** Connects the call to the route's assistant. */
    AnswerDocument connect(String callId, Route route);

    /** Tells the caller the number is not in service and ends the call. */
    AnswerDocument notInService();
}
