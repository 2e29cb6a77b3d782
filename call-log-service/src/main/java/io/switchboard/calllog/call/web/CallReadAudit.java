package io.switchboard.calllog.call.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.audit.AuditAction;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.security.Caller;

/**
 * The audit entries of reads answered with {@code calls:pii}: who read which account's calls, and how
 * many. A search across every account (an operator's) is one entry per account it served calls of, so
 * that each account's trail holds every read of its calls. No phone number or recording address goes in.
 */
final class CallReadAudit {

    private CallReadAudit() {}

    static List<AuditRecorded> search(Caller caller, CallQuery query, CallPage page, Instant at) {
        String resource = resource(query);
        if (query.accountId().isPresent()) {
            return List.of(read(
                    caller, at, query.accountId().get(), resource, page.items().size()));
        }
        Map<String, Integer> perAccount = new LinkedHashMap<>();
        for (CallRecord call : page.items()) {
            perAccount.merge(call.accountId(), 1, Integer::sum);
        }
        if (perAccount.isEmpty()) {
            return List.of(read(caller, at, null, resource, 0));
        }
        List<AuditRecorded> entries = new ArrayList<>();
        perAccount.forEach((account, count) -> entries.add(read(caller, at, account, resource, count)));
        return entries;
    }

    static AuditRecorded call(Caller caller, String accountId, String callId, Instant at) {
        return read(caller, at, accountId, callResource(accountId, callId, caller), 1);
    }

    /** A tenant's search naming another account. */
    static AuditRecorded deniedSearch(Caller caller, CallQuery query, Instant at) {
        return AuditRecorded.by(caller, AuditAction.CALLS_READ_PII, at)
                .account(query.accountId().orElse(null))
                .resource(resource(query))
                .denied();
    }

    /** A tenant's lookup naming another account. */
    static AuditRecorded deniedCall(Caller caller, String accountId, String callId, Instant at) {
        return AuditRecorded.by(caller, AuditAction.CALLS_READ_PII, at)
                .account(accountId)
                .resource("/api/calls/" + callId + "?accountId=" + accountId)
                .denied();
    }

    private static AuditRecorded read(Caller caller, Instant at, String accountId, String resource, int records) {
        return AuditRecorded.by(caller, AuditAction.CALLS_READ_PII, at)
                .account(accountId)
                .resource(resource)
                .records(records)
                .succeeded();
    }

    private static String callResource(String accountId, String callId, Caller caller) {
        return "/api/calls/" + callId + (caller.actsFor(accountId) ? "" : "?accountId=" + accountId);
    }

    /** The search as it was run (a tenant's held to its own account), its filters in a fixed order. */
    static String resource(CallQuery query) {
        var parameters = new ArrayList<String>();
        query.accountId().ifPresent(account -> parameters.add("accountId=" + account));
        query.status().ifPresent(status -> parameters.add("status=" + status.wireValue()));
        query.from().ifPresent(from -> parameters.add("from=" + from));
        query.to().ifPresent(to -> parameters.add("to=" + to));
        parameters.add("page=" + query.page());
        parameters.add("size=" + query.size());
        return "/api/calls?" + String.join("&", parameters);
    }
}
