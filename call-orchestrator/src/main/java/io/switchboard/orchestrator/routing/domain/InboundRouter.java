package io.switchboard.orchestrator.routing.domain;

import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.springframework.stereotype.Service;

/** Decides who answers a call to one of our numbers: its account's assistant, or nobody. */
@Service
public class InboundRouter {

    private final AccountDirectory directory;
    private final AnswerDocuments answers;

    public InboundRouter(AccountDirectory directory, AnswerDocuments answers) {
        this.directory = directory;
        this.answers = answers;
    }

    /** @param accountId the account the call arrived for (from the webhook path), or null if unknown */
    public RoutingDecision route(String callId, String accountId, String to) {
        return directory.route(to, accountId)
                .map(route -> new RoutingDecision(callId, route.assistant().assistantId(), answers.connect(callId, route)))
                .orElseGet(() -> new RoutingDecision(callId, null, answers.notInService()));
    }
}
