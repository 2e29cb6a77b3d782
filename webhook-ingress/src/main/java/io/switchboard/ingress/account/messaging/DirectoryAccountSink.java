package io.switchboard.ingress.account.messaging;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountsUpdater.AccountSink;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.ingress.account.domain.AccountDirectory;

/** The ingress's view of an account is its opened credentials: opened once, when the configuration arrives. */
final class DirectoryAccountSink implements AccountSink {

    private final CredentialOpener opener;
    private final AccountDirectory directory;

    DirectoryAccountSink(CredentialOpener opener, AccountDirectory directory) {
        this.opener = opener;
        this.directory = directory;
    }

    @Override
    public void configured(AccountConfigured configured) {
        directory.put(opener.open(configured));
    }

    @Override
    public void closed(String accountId) {
        directory.remove(accountId);
    }
}
