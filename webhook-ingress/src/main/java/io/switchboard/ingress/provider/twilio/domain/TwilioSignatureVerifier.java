package io.switchboard.ingress.provider.twilio.domain;

import java.util.Map;
import java.util.stream.Collectors;

import com.twilio.security.RequestValidator;
import io.switchboard.ingress.provider.twilio.config.TwilioProperties;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException;
import io.switchboard.ingress.webhook.domain.SignatureRejectedException.Reason;
import io.switchboard.ingress.webhook.domain.UnknownAccountException;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.domain.WebhookVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Twilio's X-Twilio-Signature, checked with the official SDK's {@link RequestValidator} (HMAC-SHA1
 * over the public URL and the sorted form fields, compared in constant time, with and without the
 * default port) against the auth token of the account in the path.
 */
@Component
public class TwilioSignatureVerifier implements WebhookVerifier {

    public static final String PROVIDER = "twilio";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final Map<String, RequestValidator> validators;

    public TwilioSignatureVerifier(TwilioProperties properties) {
        this.validators = properties.accounts().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> new RequestValidator(entry.getValue().authToken())));
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public void precheck(String accountId, HttpHeaders headers) {
        validator(accountId);
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw new SignatureRejectedException(PROVIDER, accountId, Reason.MISSING);
        }
    }

    @Override
    public void verify(WebhookRequest request) {
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null) {
            throw new SignatureRejectedException(PROVIDER, request.accountId(), Reason.MISSING);
        }
        if (!validator(request.accountId()).validate(request.publicUrl(), request.params(), signature)) {
            throw new SignatureRejectedException(PROVIDER, request.accountId(), Reason.MISMATCH);
        }
    }

    private RequestValidator validator(String accountId) {
        RequestValidator validator = validators.get(accountId);
        if (validator == null) {
            throw new UnknownAccountException(PROVIDER, accountId);
        }
        return validator;
    }
}
