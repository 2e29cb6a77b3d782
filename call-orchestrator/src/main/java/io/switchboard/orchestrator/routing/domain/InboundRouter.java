package io.switchboard.orchestrator.routing.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.springframework.stereotype.Service;

/**
 * Decides who answers a call to one of our numbers (its account's assistant, or nobody) and says
 * so in the language of the provider that asked.
 */
@Service
public class InboundRouter {

    private final AccountDirectory directory;
    private final Map<String, AnswerDocuments> answersByProvider;

    public InboundRouter(AccountDirectory directory, List<AnswerDocuments> answers) {
        this.directory = directory;
        this.answersByProvider =
                answers.stream().collect(Collectors.toUnmodifiableMap(AnswerDocuments::provider, Function.identity()));
    }

    /**
     * @param provider  the provider asking ({@code twilio}, {@code vapi}); its answer language is used
     * @param accountId the account the call arrived for (from the webhook path), or null if unknown
     * @throws UnknownProviderException when no answer language is known for the provider
     */
    public RoutingDecision route(String provider, String callId, String accountId, String to) {
        AnswerDocuments answers = provider == null ? null : answersByProvider.get(provider);
        if (answers == null) {
            throw new UnknownProviderException(provider);
        }
        return directory
                .route(to, accountId)
                .map(route ->
                        new RoutingDecision(callId, route.assistant().assistantId(), answers.connect(callId, route)))
                .orElseGet(() -> new RoutingDecision(callId, null, answers.notInService()));
    }
}
