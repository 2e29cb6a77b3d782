package io.switchboard.orchestrator.account.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountNumber;
import io.switchboard.orchestrator.account.domain.Assistant;
import io.switchboard.orchestrator.account.domain.ProviderSecret;
import io.switchboard.orchestrator.account.domain.SealedCredential;

/**
 * An account as the API shows it. Credentials appear only as "which provider, which provider
 * account, is a secret set": never a secret, not even sealed (docs/design.md, guarantee 9).
 */
record AccountView(
        String accountId,
        String name,
        List<AccountNumber> numbers,
        List<Assistant> assistants,
        Providers providers,
        Instant configuredAt) {

    static AccountView of(Account account) {
        return new AccountView(
                account.accountId(),
                account.name(),
                account.numbers(),
                account.assistants(),
                Providers.of(account.credentials()),
                account.configuredAt());
    }

    /** The providers the account has credentials for; a provider without any is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Providers(Twilio twilio, Vapi vapi) {

        static Providers of(List<SealedCredential> credentials) {
            Twilio twilio = null;
            Vapi vapi = null;
            for (SealedCredential credential : credentials) {
                boolean set = credential.sealedSecret() != null;
                switch (credential.provider()) {
                    case ProviderSecret.TWILIO -> twilio = new Twilio(credential.providerAccountId(), set);
                    case ProviderSecret.VAPI -> vapi = new Vapi(credential.verification(), set);
                    default -> {
                        // a provider a newer release added: not shown by this one
                    }
                }
            }
            return new Providers(twilio, vapi);
        }
    }

    record Twilio(String accountSid, boolean authTokenSet) {}

    record Vapi(String verification, boolean secretSet) {}
}
