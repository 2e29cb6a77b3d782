package io.switchboard.orchestrator.routing.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.routing.config.OutboundAnswerProperties;
import io.switchboard.orchestrator.routing.domain.OutboundRequests.OutboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers an outbound call its callee picked up: connected to the assistant its request named (else the
 * one answering the caller id), with the request's id and context as stream parameters. A call with no
 * assistant at all is hung up: the callee is told nothing, since we called them.
 */
@Service
public class OutboundRouter {

    /** Parameters every stream carries; a request's metadata entry of the same name does not replace them. */
    static final Set<String> RESERVED = Set.of("callId", "accountId", "assistantId", "requestId");

    private static final Logger log = LoggerFactory.getLogger(OutboundRouter.class);

    private final AccountDirectory directory;
    private final OutboundRequests requests;
    private final Duration requestWait;
    private final Map<String, AnswerDocuments> answersByProvider;

    public OutboundRouter(
            AccountDirectory directory,
            OutboundRequests requests,
            OutboundAnswerProperties properties,
            List<AnswerDocuments> answers) {
        this.directory = directory;
        this.requests = requests;
        this.requestWait = properties.requestWait();
        this.answersByProvider =
                answers.stream().collect(Collectors.toUnmodifiableMap(AnswerDocuments::provider, Function.identity()));
    }

    /**
     * @param callerId the number the call is from, one of the account's
     * @throws UnknownProviderException when no answer language is known for the provider
     */
    public RoutingDecision route(String provider, String callId, String accountId, String callerId, String requestId) {
        AnswerDocuments answers = provider == null ? null : answersByProvider.get(provider);
        if (answers == null) {
            throw new UnknownProviderException(provider);
        }
        Optional<OutboundRequest> request = requests.await(accountId, requestId, requestWait);
        if (request.isEmpty()) {
            log.warn(
                    "Outbound call {} of account {} answered for request {}, which is not known here: "
                            + "answering with the caller id's assistant, without the request's context",
                    callId,
                    accountId,
                    requestId);
        }
        String requestedAssistant = request.map(OutboundRequest::assistantId).orElse(null);
        return directory
                .outboundRoute(accountId, requestedAssistant, callerId)
                .map(route -> new RoutingDecision(
                        callId,
                        route.assistant().assistantId(),
                        answers.connect(callId, route, parameters(requestId, request))))
                .orElseGet(() -> {
                    log.warn(
                            "Outbound call {} of account {} (request {}) has no assistant: neither {} nor the "
                                    + "caller id's; hanging up",
                            callId,
                            accountId,
                            requestId,
                            requestedAssistant);
                    return new RoutingDecision(callId, null, answers.hangUp());
                });
    }

    private static Map<String, String> parameters(String requestId, Optional<OutboundRequest> request) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("requestId", requestId);
        request.map(OutboundRequest::metadata).orElse(Map.of()).entrySet().stream()
                .filter(entry -> !RESERVED.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> parameters.put(entry.getKey(), entry.getValue()));
        return parameters;
    }
}
