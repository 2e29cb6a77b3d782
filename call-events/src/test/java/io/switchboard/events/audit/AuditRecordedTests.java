package io.switchboard.events.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.security.Caller;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import org.junit.jupiter.api.Test;

class AuditRecordedTests {

    private static final Instant AT = Instant.parse("2026-11-03T09:00:00Z");
    private static final Caller ADMIN = new Caller("alice@acme", "acme", Set.of(Scope.ACCOUNTS_ADMIN));

    @Test
    void whenBuiltForACallerThenWhoWhatAndWhenAreTheirs() {
        AuditRecorded entry = AuditRecorded.by(ADMIN, AuditAction.ACCOUNT_UPDATED, AT)
                .account("acme")
                .resource("/api/accounts/acme")
                .parts(List.of("numbers", "numbers", "credentials"))
                .changes(List.of("numbers: +14155****00 added"))
                .succeeded();

        assertThat(entry)
                .isEqualTo(new AuditRecorded(
                        "account.updated",
                        AuditOutcome.SUCCEEDED,
                        "alice@acme",
                        "acme",
                        "acme",
                        "/api/accounts/acme",
                        List.of("numbers", "credentials"),
                        List.of("numbers: +14155****00 added"),
                        null,
                        AT));
    }

    @Test
    void whenThereAreTooManyOrTooLongChangesThenTheyAreHeldToTheLimits() {
        List<String> lines = new ArrayList<>();
        lines.add("x".repeat(500));
        for (int i = 1; i < 250; i++) {
            lines.add("numbers: line " + i);
        }

        AuditRecorded entry = AuditRecorded.by(ADMIN, AuditAction.ACCOUNT_UPDATED, AT)
                .account("acme")
                .resource("/api/accounts/acme")
                .changes(lines)
                .succeeded();

        assertThat(entry.changes()).hasSize(AuditRecorded.MAX_CHANGES);
        assertThat(entry.changes().getFirst())
                .hasSize(AuditRecorded.MAX_CHANGE_LENGTH)
                .endsWith("…");
        assertThat(entry.changes().getLast()).isEqualTo("… and 151 more changes");
    }

    @Test
    void whenPublishedThenKeyedAndSubjectByItsAccountOrTheMarkerForNone() {
        AuditRecorded ofAcme = AuditRecorded.by(ADMIN, AuditAction.CALLS_READ_PII, AT)
                .account("acme")
                .resource("/api/calls?page=0&size=50")
                .records(3)
                .succeeded();
        AuditRecorded ofNone = AuditRecorded.by(
                        new Caller("ops", null, Set.of(Scope.OPERATOR)), AuditAction.CALLS_READ_PII, AT)
                .resource("/api/calls?page=0&size=50")
                .records(0)
                .succeeded();

        var acme = AuditTrail.publication(ofAcme);
        var none = AuditTrail.publication(ofNone);

        assertThat(acme.topic()).isEqualTo(Topic.AUDIT);
        assertThat(acme.key()).isEqualTo("acme").isEqualTo(acme.event().subject());
        assertThat(acme.event().type()).isEqualTo(EventTypes.AUDIT_RECORDED);
        assertThat(acme.event().time()).isEqualTo(AT);
        assertThat(none.key())
                .isEqualTo(AuditTrail.NO_ACCOUNT)
                .isEqualTo(none.event().subject());
        assertThat(AuditTrail.publication(ofAcme).event().id())
                .as("each act its own id")
                .isNotEqualTo(acme.event().id());
    }
}
