package io.switchboard.orchestrator.account.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditAction;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditRedaction;
import io.switchboard.events.security.Caller;

/**
 * The audit entry of an account change: which parts changed ({@code name}, {@code numbers},
 * {@code assistants}, {@code credentials}) and how, one line each, never with a secret (sealed or not),
 * a stream URL or a whole phone number: {@code numbers: +14155****00 added},
 * {@code providers.twilio.authToken: replaced}, {@code assistants: sales changed}.
 */
public final class AccountAudit {

    static final String NAME = "name";
    static final String NUMBERS = "numbers";
    static final String ASSISTANTS = "assistants";
    static final String CREDENTIALS = "credentials";

    private AccountAudit() {}

    /** The API's name for an account. */
    public static String resource(String accountId) {
        return "/api/accounts/" + accountId;
    }

    /** Whether a PUT of {@code accountId} would create the account or change it. */
    public static AuditAction action(boolean exists) {
        return exists ? AuditAction.ACCOUNT_UPDATED : AuditAction.ACCOUNT_CREATED;
    }

    /**
     * @param before    the account before the PUT, empty when it creates it
     * @param after     the account as published
     * @param requested what the PUT asked of the credentials, to tell a replaced secret from a re-sealed one
     */
    static AuditRecorded of(Caller caller, Optional<Account> before, Account after, CredentialChanges requested) {
        var parts = new LinkedHashSet<String>();
        var changes = new ArrayList<String>();
        Account old = before.orElse(null);
        if (old == null || !Objects.equals(old.name(), after.name())) {
            parts.add(NAME);
            changes.add(old == null ? "name: set" : "name: changed");
        }
        numbers(old == null ? List.of() : old.numbers(), after.numbers(), parts, changes);
        assistants(old == null ? List.of() : old.assistants(), after.assistants(), parts, changes);
        credentials(old == null ? List.of() : old.credentials(), after.credentials(), requested, parts, changes);
        return AuditRecorded.by(caller, action(old != null), after.configuredAt())
                .account(after.accountId())
                .resource(resource(after.accountId()))
                .parts(parts)
                .changes(changes)
                .succeeded();
    }

    /** The entry of a closing: every part the account had is gone, named as its lines say, never its values. */
    static AuditRecorded ofClosing(Caller caller, Account closed, AccountClosed closing) {
        var parts = new LinkedHashSet<String>();
        var changes = new ArrayList<String>();
        changes.add("account: closed at revision " + closing.revision());
        parts.add(NAME);
        changes.add("name: removed");
        numbers(closed.numbers(), List.of(), parts, changes);
        assistants(closed.assistants(), List.of(), parts, changes);
        credentials(closed.credentials(), List.of(), CredentialChanges.keepAll(), parts, changes);
        return AuditRecorded.by(caller, AuditAction.ACCOUNT_DELETED, closing.closedAt())
                .account(closing.accountId())
                .resource(resource(closing.accountId()))
                .parts(parts)
                .changes(changes)
                .succeeded();
    }

    private static void numbers(
            List<AccountNumber> before, List<AccountNumber> after, Set<String> parts, List<String> changes) {
        Map<String, AccountNumber> old = byKey(before, AccountNumber::number);
        Map<String, AccountNumber> now = byKey(after, AccountNumber::number);
        var lines = new ArrayList<String>();
        for (String number : union(old.keySet(), now.keySet())) {
            String shown = "numbers: " + AuditRedaction.phoneNumber(number);
            AccountNumber was = old.get(number);
            AccountNumber is = now.get(number);
            if (was == null) {
                lines.add(shown + " added, " + answeredBy(is));
            } else if (is == null) {
                lines.add(shown + " removed");
            } else if (!Objects.equals(was.assistantId(), is.assistantId())) {
                lines.add(shown + " now " + answeredBy(is));
            }
        }
        record(NUMBERS, lines, parts, changes);
    }

    private static String answeredBy(AccountNumber number) {
        return number.assistantId() == null ? "answered by no assistant" : "answered by " + number.assistantId();
    }

    private static void assistants(
            List<Assistant> before, List<Assistant> after, Set<String> parts, List<String> changes) {
        Map<String, Assistant> old = byKey(before, Assistant::assistantId);
        Map<String, Assistant> now = byKey(after, Assistant::assistantId);
        var lines = new ArrayList<String>();
        for (String id : union(old.keySet(), now.keySet())) {
            Assistant was = old.get(id);
            Assistant is = now.get(id);
            if (was == null) {
                lines.add("assistants: " + id + " added");
            } else if (is == null) {
                lines.add("assistants: " + id + " removed");
            } else {
                // The stream URL is not shown: it may carry a token of the assistant's own.
                if (!Objects.equals(was.name(), is.name())) {
                    lines.add("assistants: " + id + " name changed");
                }
                if (!Objects.equals(was.streamUrl(), is.streamUrl())) {
                    lines.add("assistants: " + id + " streamUrl changed");
                }
            }
        }
        record(ASSISTANTS, lines, parts, changes);
    }

    private static void credentials(
            List<SealedCredential> before,
            List<SealedCredential> after,
            CredentialChanges requested,
            Set<String> parts,
            List<String> changes) {
        Map<String, SealedCredential> old = byKey(before, SealedCredential::provider);
        Map<String, SealedCredential> now = byKey(after, SealedCredential::provider);
        var lines = new ArrayList<String>();
        for (String provider : union(old.keySet(), now.keySet())) {
            String field = "providers." + provider;
            SealedCredential was = old.get(provider);
            SealedCredential is = now.get(provider);
            if (was == null) {
                lines.add(field + ": set");
            } else if (is == null) {
                lines.add(field + ": removed");
            } else {
                if (!Objects.equals(was.providerAccountId(), is.providerAccountId())) {
                    lines.add(field + "." + accountIdName(provider) + ": changed");
                }
                if (!Objects.equals(was.sealedSecret(), is.sealedSecret())) {
                    // A secret the PUT did not send was only sealed again, under the active key.
                    String how = requested.set().containsKey(provider) ? "replaced" : "re-sealed";
                    lines.add(field + "." + secretName(provider) + ": " + how);
                }
                if (!Objects.equals(was.verification(), is.verification())) {
                    lines.add(field + ".verification: changed");
                }
            }
        }
        record(CREDENTIALS, lines, parts, changes);
    }

    /** The API's name of a provider's secret field. */
    static String secretName(String provider) {
        return ProviderSecret.VAPI.equals(provider) ? "secret" : "authToken";
    }

    private static String accountIdName(String provider) {
        return ProviderSecret.TWILIO.equals(provider) ? "accountSid" : "accountId";
    }

    private static void record(String part, List<String> lines, Set<String> parts, List<String> changes) {
        if (!lines.isEmpty()) {
            parts.add(part);
            changes.addAll(lines);
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream()
                .collect(Collectors.toMap(key, Function.identity(), (first, second) -> second, TreeMap::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
