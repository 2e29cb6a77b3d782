package io.switchboard.calllog.call.web;

import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The analysts' read API over the call log. A tenant sees its own account's calls only, the account
 * taken from its token; an operator may name any account. Personal data is masked unless the token
 * holds {@code calls:pii}.
 */
@RestController
@RequestMapping("/api/calls")
class CallController {

    private final CallLogReader calls;

    CallController(CallLogReader calls) {
        this.calls = calls;
    }

    /** Parameters arrive as text so that a bad one is answered with its name, not a generic binding error. */
    @GetMapping
    Mono<CallPage> search(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "accountId", required = false) String accountId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            Caller caller) {
        var view = CallRecordView.forCaller(caller);
        return Mono.fromCallable(() -> CallQueryParameters.parse(status, accountId, from, to, page, size))
                .map(query -> withinCallersAccounts(query, caller))
                .flatMap(calls::search)
                .map(view::of);
    }

    /** An operator names the account with {@code accountId}; a tenant's is in its token. */
    @GetMapping("/{callId}")
    Mono<CallRecord> find(
            @PathVariable("callId") String callId,
            @RequestParam(name = "accountId", required = false) String accountId,
            Caller caller) {
        var view = CallRecordView.forCaller(caller);
        String account = caller.isOperator() && accountId != null ? accountId : caller.accountId();
        if (account == null || (accountId != null && !caller.mayRead(accountId))) {
            return Mono.error(() -> new CallNotFoundException(callId));
        }
        return calls.findCall(account, callId)
                .map(view::of)
                .switchIfEmpty(Mono.error(() -> new CallNotFoundException(callId)));
    }

    /**
     * A tenant's search is held to its own account; naming another is answered like an account with no
     * calls at all would be, with 404. An operator searches the account it names, or all of them.
     */
    private static CallQuery withinCallersAccounts(CallQuery query, Caller caller) {
        if (caller.isOperator()) {
            return query;
        }
        if (caller.accountId() == null
                || query.accountId().filter(named -> !caller.actsFor(named)).isPresent()) {
            throw new CallNotFoundException.NoSuchAccount();
        }
        return query.forAccount(caller.accountId());
    }
}
