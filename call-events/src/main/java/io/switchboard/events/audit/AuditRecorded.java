package io.switchboard.events.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.switchboard.events.security.Caller;

/**
 * One audited act on {@code audit.v1}: who (the token's subject and account), what (the action, the
 * resource, the account acted on, the outcome, which parts changed and how, or how many records were
 * read) and when. It never holds a secret or a whole phone number: changes name the field and what
 * happened to it ({@code providers.twilio.authToken: replaced}, {@code numbers: +14155****00 added},
 * {@link AuditRedaction}).
 *
 * @param action         {@link AuditAction#wireValue()}, e.g. {@code account.updated}
 * @param outcome        succeeded or denied
 * @param subject        the token's {@code sub}; null if the token had none
 * @param actorAccountId the account the token acts for; null for an operator's token without one
 * @param accountId      the account acted on or read; null only for an operator's search across every
 *                       account that read nothing
 * @param resource       what was acted on, as the API names it, e.g. {@code /api/accounts/acme}
 * @param parts          the parts of the resource that changed, e.g. {@code numbers}, {@code credentials}
 * @param changes        what changed, one line each, redacted
 * @param records        for a read: how many records were served; null for a change
 * @param occurredAt     when the service decided the request
 */
public record AuditRecorded(
        String action,
        AuditOutcome outcome,
        String subject,
        String actorAccountId,
        String accountId,
        String resource,
        List<String> parts,
        List<String> changes,
        Integer records,
        Instant occurredAt) {

    /** At most this many change lines; beyond, the last line says how many more there were. */
    public static final int MAX_CHANGES = 100;

    /** A change line is cut to this many characters. */
    public static final int MAX_CHANGE_LENGTH = 200;

    public AuditRecorded {
        parts = parts == null ? List.of() : List.copyOf(parts);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** An entry about what {@code caller} asked for, decided at {@code at}. */
    public static Builder by(Caller caller, AuditAction action, Instant at) {
        return new Builder(caller, action, at);
    }

    /** Builds an entry, holding the change lines to their limits. */
    public static final class Builder {

        private final Caller caller;
        private final AuditAction action;
        private final Instant at;
        private String accountId;
        private String resource;
        private final List<String> parts = new ArrayList<>();
        private final List<String> changes = new ArrayList<>();
        private Integer records;

        private Builder(Caller caller, AuditAction action, Instant at) {
            this.caller = Objects.requireNonNull(caller, "caller");
            this.action = Objects.requireNonNull(action, "action");
            this.at = Objects.requireNonNull(at, "at");
        }

        public Builder account(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** Each part once, in the order first named. */
        public Builder parts(Collection<String> names) {
            names.stream().filter(name -> !parts.contains(name)).forEach(parts::add);
            return this;
        }

        public Builder changes(Collection<String> lines) {
            changes.addAll(lines);
            return this;
        }

        public Builder records(int count) {
            this.records = count;
            return this;
        }

        public AuditRecorded succeeded() {
            return build(AuditOutcome.SUCCEEDED);
        }

        public AuditRecorded denied() {
            return build(AuditOutcome.DENIED);
        }

        private AuditRecorded build(AuditOutcome outcome) {
            Objects.requireNonNull(resource, "resource");
            return new AuditRecorded(
                    action.wireValue(),
                    outcome,
                    caller.subject(),
                    caller.accountId(),
                    accountId,
                    resource,
                    parts,
                    bounded(changes),
                    records,
                    at);
        }

        private static List<String> bounded(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (kept.size() == MAX_CHANGES - 1 && lines.size() > MAX_CHANGES) {
                    kept.add("… and " + (lines.size() - kept.size()) + " more changes");
                    break;
                }
                kept.add(line.length() > MAX_CHANGE_LENGTH ? line.substring(0, MAX_CHANGE_LENGTH - 1) + "…" : line);
            }
            return kept;
        }
    }
}
