package io.switchboard.events.account;

/**
 * An account's opened credential for one provider, held in memory only. {@link #toString()} never
 * shows the secret, so a credential that ends up in a log line or an exception leaks nothing.
 *
 * @param provider          {@code twilio}, {@code vapi}, …
 * @param providerAccountId how the provider knows the account (Twilio AccountSid); may be null
 * @param secret            the opened auth token or webhook secret
 * @param verification      how webhooks are verified where the provider offers a choice; may be null
 */
public record Credential(String provider, String providerAccountId, String secret, String verification) {

    @Override
    public String toString() {
        return "Credential[provider=" + provider + ", providerAccountId=" + providerAccountId + ", secret=***"
                + ", verification=" + verification + "]";
    }
}
