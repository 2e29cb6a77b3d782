package io.switchboard.ingress.provider.twilio.domain;

import java.util.Map;

import io.switchboard.events.account.Credential;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException.Reason;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Twilio's X-Twilio-Signature, checked with the auth token of the account in the path (from
 * accounts.v1). Form bodies: the signature covers the URL and the fields. JSON bodies: it covers the
 * URL only, which carries {@code bodySHA256}, the hex SHA-256 of the body, checked too. A validly
 * signed webhook must also name the account's own AccountSid: a token shared by two Switchboard
 * accounts must not let one account's callbacks land in the other.
 */
@Component
public class TwilioSignatureVerifier implements WebhookVerifier {

    public static final String PROVIDER = "twilio";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String BODY_HASH_PARAM = "bodySHA256";

    private final AccountDirectory accounts;

    public TwilioSignatureVerifier(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public void precheck(String accountId, HttpHeaders headers) {
        credential(accountId);
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw new SignatureRejectedException(PROVIDER, accountId, Reason.MISSING);
        }
    }

    @Override
    public void verify(WebhookRequest request) {
        Credential credential = credential(request.accountId());
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null) {
            throw reject(request, Reason.MISSING);
        }
        if (request.json()) {
            verifyJson(request, credential.secret(), signature);
        } else if (!TwilioRequestSignature.matches(
                credential.secret(), signature, request.publicUrl(), request.fields())) {
            throw reject(request, Reason.MISMATCH);
        }
        String accountSid = request.param("AccountSid");
        if (accountSid == null || !accountSid.equals(credential.providerAccountId())) {
            throw reject(request, Reason.ACCOUNT_MISMATCH);
        }
    }

    private static void verifyJson(WebhookRequest request, String authToken, String signature) {
        if (!TwilioRequestSignature.matches(authToken, signature, request.publicUrl(), Map.of())) {
            throw reject(request, Reason.MISMATCH);
        }
        String bodyHash = queryParam(request.publicUrl().rawQuery(), BODY_HASH_PARAM);
        if (bodyHash == null || !TwilioRequestSignature.bodyMatches(request.body(), bodyHash)) {
            throw reject(request, Reason.BODY_HASH);
        }
    }

    /** A query parameter's raw value (hex needs no decoding), the first when repeated. */
    private static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private Credential credential(String accountId) {
        return accounts.credential(accountId, PROVIDER)
                .orElseThrow(() -> new UnknownAccountException(PROVIDER, accountId));
    }

    private static SignatureRejectedException reject(WebhookRequest request, Reason reason) {
        return new SignatureRejectedException(PROVIDER, request.accountId(), reason);
    }
}
