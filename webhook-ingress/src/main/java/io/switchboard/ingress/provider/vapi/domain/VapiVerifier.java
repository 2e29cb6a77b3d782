package io.switchboard.ingress.provider.vapi.domain;

import io.switchboard.events.account.Credential;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.account.domain.AccountUnavailableException;
import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * VAPI's side of {@link WebhookVerifier}: the account's VAPI credential from accounts.v1, checked by
 * {@link VapiAuthenticator} with the scheme the account chose (a missing secret header is 401, a
 * wrong one 403). VAPI's JSON is read by {@link VapiMessage}, not as fields, under VAPI's own body
 * limit: an end-of-call report carries the whole transcript.
 */
@Component
public class VapiVerifier implements WebhookVerifier {

    private final AccountDirectory accounts;
    private final VapiAuthenticator authenticator;
    private final int maxBodyBytes;

    public VapiVerifier(AccountDirectory accounts, VapiAuthenticator authenticator, VapiProperties properties) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
    }

    @Override
    public String provider() {
        return VapiEventMapper.PROVIDER;
    }

    @Override
    public void precheck(String accountId, HttpHeaders headers) {
        authenticator.precheck(credential(accountId), headers).ifPresent(rejection -> {
            throw rejected(accountId, rejection);
        });
    }

    @Override
    public void verify(WebhookRequest request) {
        authenticator
                .verify(credential(request.accountId()), request.headers(), request.body())
                .ifPresent(rejection -> {
                    throw rejected(request.accountId(), rejection);
                });
    }

    @Override
    public int maxBodyBytes(int ingressLimit) {
        return maxBodyBytes;
    }

    @Override
    public boolean readsFields() {
        return false;
    }

    private VapiCredential credential(String accountId) {
        Credential credential = accounts.credential(accountId, provider())
                .orElseThrow(() -> new UnknownAccountException(provider(), accountId));
        try {
            var verification = credential.verification() == null
                    ? VapiCredential.Verification.SECRET_HEADER
                    : VapiCredential.Verification.fromWire(credential.verification());
            return new VapiCredential(credential.secret(), verification);
        } catch (IllegalArgumentException e) {
            // The orchestrator validates credentials; one it let through that we cannot use is ours to fix.
            throw new AccountUnavailableException(
                    "account " + accountId + " has an unusable VAPI credential: " + e.getMessage());
        }
    }

    private SignatureRejectedException rejected(String accountId, VapiRejection rejection) {
        return new SignatureRejectedException(provider(), accountId, rejection.tag(), rejection.missing());
    }
}
