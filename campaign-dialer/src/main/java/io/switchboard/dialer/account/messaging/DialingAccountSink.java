package io.switchboard.dialer.account.messaging;

import java.util.HashSet;
import java.util.Set;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountCredentials;
import io.switchboard.events.account.AccountsUpdater.AccountSink;
import io.switchboard.events.account.CredentialOpener;

/** An account's configuration as the dialer uses it: numbers normalized once, credentials opened once. */
final class DialingAccountSink implements AccountSink {

    private final CredentialOpener opener;
    private final DialingAccounts accounts;

    DialingAccountSink(CredentialOpener opener, DialingAccounts accounts) {
        this.opener = opener;
        this.accounts = accounts;
    }

    @Override
    public void configured(AccountConfigured configured) {
        Set<String> numbers = new HashSet<>();
        configured.numbers().forEach(number -> {
            if (number != null) {
                PhoneNumbers.normalized(number.number()).ifPresent(numbers::add);
            }
        });
        Set<String> assistants = new HashSet<>();
        configured.assistants().forEach(assistant -> {
            if (assistant != null && assistant.assistantId() != null) {
                assistants.add(assistant.assistantId());
            }
        });
        AccountCredentials credentials = opener.open(configured);
        accounts.put(new DialingAccount(
                configured.accountId(), numbers, assistants, credentials.usable(), credentials.unusable()));
    }

    @Override
    public void closed(String accountId) {
        accounts.remove(accountId);
    }
}
