package io.switchboard.orchestrator.account.domain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.kafka.PublishFailedException;

/** An {@link AccountPublisher} that keeps what it is given, and fails as a broker that is down would. */
public final class RecordingAccountPublisher implements AccountPublisher {

    public volatile boolean brokerDown;
    public final List<Account> published = new CopyOnWriteArrayList<>();
    public final List<AccountClosed> closed = new CopyOnWriteArrayList<>();
    public final List<AuditRecorded> audited = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Account account, AuditRecorded audit) {
        failIfBrokerDown();
        published.add(account);
        audited.add(audit);
    }

    @Override
    public void publishClosed(AccountClosed closing, AuditRecorded audit) {
        failIfBrokerDown();
        closed.add(closing);
        audited.add(audit);
    }

    @Override
    public void publishAudit(AuditRecorded audit) {
        failIfBrokerDown();
        audited.add(audit);
    }

    public AuditRecorded lastAudited(String accountId) {
        return audited.reversed().stream()
                .filter(entry -> accountId.equals(entry.accountId()))
                .findFirst()
                .orElseThrow();
    }

    public Account lastPublished(String accountId) {
        return published.reversed().stream()
                .filter(account -> account.accountId().equals(accountId))
                .findFirst()
                .orElseThrow();
    }

    private void failIfBrokerDown() {
        if (brokerDown) {
            throw new PublishFailedException("broker down", null);
        }
    }
}
