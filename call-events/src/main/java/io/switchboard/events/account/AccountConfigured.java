package io.switchboard.events.account;

import java.time.Instant;
import java.util.List;

/**
 * An account's configuration as a whole; {@code accounts.v1} is compacted by account id.
 *
 * @param revision the configuration's number among the account's configurations, 1 for its first and one more
 *                 for each after it: readers keep the highest they have seen per account and refuse a lower one
 *                 re-produced later ({@code stale-snapshot}). Null in records written before revisions existed:
 *                 read as 0, ordered among themselves by {@code configuredAt}
 */
public record AccountConfigured(
        String accountId,
        String name,
        List<PhoneNumber> numbers,
        List<Assistant> assistants,
        List<ProviderCredential> credentials,
        Instant configuredAt,
        Long revision) {

    public AccountConfigured {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        assistants = assistants == null ? List.of() : List.copyOf(assistants);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** A configuration without a revision, as written before revisions existed. */
    public AccountConfigured(
            String accountId,
            String name,
            List<PhoneNumber> numbers,
            List<Assistant> assistants,
            List<ProviderCredential> credentials,
            Instant configuredAt) {
        this(accountId, name, numbers, assistants, credentials, configuredAt, null);
    }

    /** The revision to order by: 0 for a record without one. */
    public long revisionOrZero() {
        return revision == null ? 0 : revision;
    }

    /**
     * Whether this configuration is older than {@code other} of the same account: a lower revision, or
     * the same one configured earlier (records without a revision are ordered by time only).
     */
    public boolean isOlderThan(long otherRevision, Instant otherConfiguredAt) {
        if (revisionOrZero() != otherRevision) {
            return revisionOrZero() < otherRevision;
        }
        return configuredAt != null && otherConfiguredAt != null && configuredAt.isBefore(otherConfiguredAt);
    }

    /** An account without provider credentials. */
    public AccountConfigured(
            String accountId,
            String name,
            List<PhoneNumber> numbers,
            List<Assistant> assistants,
            Instant configuredAt) {
        this(accountId, name, numbers, assistants, List.of(), configuredAt, null);
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
