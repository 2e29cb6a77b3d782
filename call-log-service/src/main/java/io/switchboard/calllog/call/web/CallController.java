package io.switchboard.calllog.call.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.security.Caller;
import io.switchboard.events.security.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The analysts' read API over the call log. A tenant sees its own account's calls only, the account
 * taken from its token; an operator may name any account. Personal data is masked unless the token
 * holds {@code calls:pii}; a read with it is answered only once its audit entry is stored
 * ({@link CallReadAudit}), and 503 if it cannot be: personal data is never served unaudited.
 */
@RestController
@RequestMapping("/api/calls")
class CallController {

    private final CallLogReader calls;
    private final AuditTrail audit;

    CallController(CallLogReader calls, AuditTrail audit) {
        this.calls = calls;
        this.audit = audit;
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
        return Mono.fromCallable(() -> CallQueryParameters.parse(status, accountId, from, to, page, size))
                .flatMap(query -> withinCallersAccounts(query, caller)
                        .map(allowed -> search(allowed, caller))
                        .orElseGet(() -> audited(
                                        caller, () -> List.of(CallReadAudit.deniedSearch(caller, query, audit.now())))
                                .then(Mono.error(CallNotFoundException::account))));
    }

    private Mono<CallPage> search(CallQuery allowed, Caller caller) {
        var view = CallRecordView.forCaller(caller);
        return calls.search(allowed)
                .flatMap(found -> audited(caller, () -> CallReadAudit.search(caller, allowed, found, audit.now()))
                        .thenReturn(view.of(found)));
    }

    /** An operator names the account with {@code accountId}; a tenant's is in its token. */
    @GetMapping("/{callId}")
    Mono<CallRecord> find(
            @PathVariable("callId") String callId,
            @RequestParam(name = "accountId", required = false) String accountId,
            Caller caller) {
        var view = CallRecordView.forCaller(caller);
        String account = caller.isOperator() && accountId != null ? accountId : caller.accountId();
        if (accountId != null && !caller.mayRead(accountId)) {
            return audited(caller, () -> List.of(CallReadAudit.deniedCall(caller, accountId, callId, audit.now())))
                    .then(Mono.error(() -> CallNotFoundException.call(callId)));
        }
        if (account == null) {
            return Mono.error(() -> CallNotFoundException.call(callId));
        }
        return calls.findCall(account, callId)
                .flatMap(call -> audited(
                                caller, () -> List.of(CallReadAudit.call(caller, account, callId, audit.now())))
                        .thenReturn(view.of(call)))
                .switchIfEmpty(Mono.error(() -> CallNotFoundException.call(callId)));
    }

    /**
     * For a caller with {@code calls:pii}, stores the entries before the answer goes out (blocking on the
     * broker: off the event loop); a failure to store them fails the request. Without it nothing personal
     * is served and nothing is recorded.
     */
    private Mono<Void> audited(Caller caller, Supplier<List<AuditRecorded>> entries) {
        if (!caller.has(Scope.CALLS_PII)) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> audit.record(entries.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /**
     * A tenant's search is held to its own account; naming another is answered like an account with no
     * calls at all would be, with 404 (empty here). An operator searches the account it names, or all of them.
     */
    private static Optional<CallQuery> withinCallersAccounts(CallQuery query, Caller caller) {
        if (caller.isOperator()) {
            return Optional.of(query);
        }
        if (caller.accountId() == null
                || query.accountId().filter(named -> !caller.actsFor(named)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(query.forAccount(caller.accountId()));
    }
}
