package io.switchboard.ingress.provider.vapi.domain;

import java.util.Optional;

import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an assistant-request is answered with: the orchestrator's JSON document when it decided in
 * time and in VAPI's language, else the configured fallback. The fallback is checked at start-up, so
 * a typo in it cannot reach a caller.
 */
@Component
public class VapiAssistantAnswers {

    private static final Logger log = LoggerFactory.getLogger(VapiAssistantAnswers.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String fallback;

    public VapiAssistantAnswers(VapiProperties properties) {
        this.fallback = properties.assistantRequest().fallback();
        if (!isJsonObject(fallback)) {
            throw new IllegalArgumentException(
                    "switchboard.ingress.vapi.assistant-request.fallback must be a JSON object, e.g. {\"error\":\"…\"}");
        }
    }

    public String fallback() {
        return fallback;
    }

    /** The decision's document when it is a JSON object VAPI can read; empty otherwise (answer the fallback). */
    public Optional<String> answer(RoutingDecided decided) {
        if (isJson(decided.answerContentType()) && isJsonObject(decided.answerDocument())) {
            return Optional.of(decided.answerDocument());
        }
        log.atWarn()
                .addKeyValue("callId", decided.callId())
                .log(
                        "Routing decision for call {} is not a VAPI answer ({}): answering the fallback",
                        decided.callId(),
                        decided.answerContentType());
        return Optional.empty();
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isJsonObject(String document) {
        try {
            JsonNode node = JSON.readTree(document);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
