package io.switchboard.orchestrator.routing.domain;

import io.switchboard.orchestrator.account.domain.Route;

/** A provider's answer language (TwiML today; Plivo XML and ExoML are other adapters of this). */
public interface AnswerDocuments {

    /** Connects the call to the route's assistant over a media stream. */
    AnswerDocument connect(String callId, Route route);

    /** Tells the caller the number is not in service and hangs up. */
    AnswerDocument notInService();
}
