package io.switchboard.events.account;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an account's sealed provider credentials once, when its configuration arrives, so that no
 * webhook or call pays for AES-GCM. A credential that cannot be opened makes that provider unusable for the
 * account (logged with the reason, never the sealed or opened value) until a good one is published.
 */
public final class CredentialOpener {

    private static final Logger log = LoggerFactory.getLogger(CredentialOpener.class);

    private final SecretBox secrets;

    public CredentialOpener(SecretBox secrets) {
        this.secrets = secrets;
    }

    public AccountCredentials open(AccountConfigured configured) {
        String accountId = configured.accountId();
        Map<String, Credential> usable = new HashMap<>();
        Set<String> unusable = new HashSet<>();
        for (ProviderCredential sealed : configured.credentials()) {
            if (sealed == null || sealed.provider() == null || sealed.provider().isBlank()) {
                log.atWarn()
                        .addKeyValue("accountId", accountId)
                        .log("Account {}: skipping a credential without a provider", accountId);
                continue;
            }
            String provider = sealed.provider().trim().toLowerCase(Locale.ROOT);
            if (usable.containsKey(provider) || unusable.contains(provider)) {
                log.atWarn()
                        .addKeyValue("accountId", accountId)
                        .log("Account {}: more than one {} credential, keeping the first", accountId, provider);
                continue;
            }
            try {
                String secret = secrets.open(sealed.sealedSecret(), accountId);
                usable.put(
                        provider, new Credential(provider, sealed.providerAccountId(), secret, sealed.verification()));
            } catch (SecretException e) {
                unusable.add(provider);
                log.atError()
                        .addKeyValue("accountId", accountId)
                        .log(
                                "Account {}: the {} credential cannot be "
                                        + "opened ({}); it is unusable here until a credential this instance can open is published",
                                accountId,
                                provider,
                                e.getMessage());
            }
        }
        return new AccountCredentials(accountId, usable, unusable);
    }
}
