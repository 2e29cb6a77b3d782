package io.switchboard.orchestrator.routing.domain;

import java.util.Map;

import io.switchboard.orchestrator.account.domain.Route;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * VAPI's answers to an {@code assistant-request}: {@code {"assistantId": "…"}} names the saved VAPI
 * assistant that takes the call (so a VAPI account's assistant ids are VAPI's), and
 * {@code {"error": "…"}} is spoken to the caller before VAPI ends the call.
 */
@Component
public class VapiAnswers implements AnswerDocuments {

    static final String PROVIDER = "vapi";
    static final String CONTENT_TYPE = "application/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AnswerDocument NOT_IN_SERVICE = json(Map.of("error", "This number is not in service."));
    private static final AnswerDocument CANNOT_CONNECT = json(Map.of("error", "This call cannot be connected."));

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** Parameters travel as the assistant's variable values ({@code assistantOverrides.variableValues}). */
    @Override
    public AnswerDocument connect(String callId, Route route, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return json(Map.of("assistantId", route.assistant().assistantId()));
        }
        return json(Map.of(
                "assistantId",
                route.assistant().assistantId(),
                "assistantOverrides",
                Map.of("variableValues", parameters)));
    }

    /** VAPI has no silent answer to an assistant-request: an error is spoken, then the call ends. */
    @Override
    public AnswerDocument hangUp() {
        return CANNOT_CONNECT;
    }

    @Override
    public AnswerDocument notInService() {
        return NOT_IN_SERVICE;
    }

    private static AnswerDocument json(Map<String, ?> answer) {
        return new AnswerDocument(CONTENT_TYPE, JSON.writeValueAsString(answer));
    }
}
