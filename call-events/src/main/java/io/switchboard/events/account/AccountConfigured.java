package io.switchboard.events.account;

import java.time.Instant;
import java.util.List;

/** An account's configuration as a whole; {@code accounts.v1} is compacted by account id. */
public record AccountConfigured(
        String accountId,
        String name,
        List<PhoneNumber> numbers,
        List<Assistant> assistants,
        List<ProviderCredential> credentials,
        Instant configuredAt) {

    public AccountConfigured {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** An account without provider credentials. */
    public AccountConfigured(
            String accountId,
            String name,
            List<PhoneNumber> numbers,
            List<Assistant> assistants,
            Instant configuredAt) {
        this(accountId, name, numbers, assistants, List.of(), configuredAt);
    }

    /** A number the account owns (E.164) and the assistant that answers it. */
    public record PhoneNumber(String number, String assistantId) {}

    /**
     * How the account is known to a provider and the secret that proves a webhook came from it.
     *
     * @param provider          {@code twilio}, {@code vapi}, …
     * @param providerAccountId the account at the provider (Twilio AccountSid); may be null where the provider has none
     * @param sealedSecret      the auth token or webhook secret, sealed by {@code SecretBox} with the account id as associated data
     * @param verification      how webhooks are verified where the provider offers a choice (VAPI: {@code secret-header} or
     *                          {@code hmac-sha256}); null for providers with one scheme (Twilio)
     */
    public record ProviderCredential(
            String provider, String providerAccountId, String sealedSecret, String verification) {}

    /** An AI assistant reached through a media stream. */
    public record Assistant(String assistantId, String name, String streamUrl) {}
}
