package io.switchboard.orchestrator.account.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.switchboard.orchestrator.account.domain.CredentialChanges;
import io.switchboard.orchestrator.account.domain.InvalidAccountException;
import io.switchboard.orchestrator.account.domain.ProviderSecret;

/**
 * The {@code providers} object of a PUT. Each provider is three-way: an object sets its credentials,
 * {@code null} removes them, absent keeps them; setters (not a record) tell {@code null} from absent.
 */
final class ProvidersBody {

    private final Map<String, ProviderSecret> set = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final List<String> unknown = new ArrayList<>();

    @JsonSetter(ProviderSecret.TWILIO)
    void twilio(TwilioBody twilio) {
        change(
                ProviderSecret.TWILIO,
                twilio == null
                        ? null
                        : new ProviderSecret(ProviderSecret.TWILIO, twilio.accountSid(), twilio.authToken(), null));
    }

    @JsonSetter(ProviderSecret.VAPI)
    void vapi(VapiBody vapi) {
        change(
                ProviderSecret.VAPI,
                vapi == null
                        ? null
                        : new ProviderSecret(ProviderSecret.VAPI, null, vapi.secret(), vapi.verification()));
    }

    @JsonAnySetter
    void unknown(String provider, Object ignored) {
        unknown.add(provider);
    }

    CredentialChanges changes() {
        if (!unknown.isEmpty()) {
            throw new InvalidAccountException(
                    "providers." + unknown.getFirst(), "is not a supported provider (twilio, vapi)");
        }
        return new CredentialChanges(set, removed);
    }

    private void change(String provider, ProviderSecret secret) {
        if (secret == null) {
            set.remove(provider);
            removed.add(provider);
        } else {
            removed.remove(provider);
            set.put(provider, secret);
        }
    }

    record TwilioBody(String accountSid, String authToken) {

        @Override
        public String toString() {
            return "TwilioBody[accountSid=" + accountSid + ", authToken=***]";
        }
    }

    record VapiBody(String secret, String verification) {

        @Override
        public String toString() {
            return "VapiBody[secret=***, verification=" + verification + "]";
        }
    }

    @Override
    public String toString() {
        return "ProvidersBody" + new CredentialChanges(set, removed);
    }
}
