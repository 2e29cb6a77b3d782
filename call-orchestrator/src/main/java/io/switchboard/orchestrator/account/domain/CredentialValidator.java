package io.switchboard.orchestrator.account.domain;

import java.util.regex.Pattern;

/**
 * Checks provider credentials of a PUT, naming the field at fault as the API spells it
 * ({@code providers.twilio.authToken}). Messages never quote a value: it may be a secret.
 */
final class CredentialValidator {

    private static final Pattern TWILIO_ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");
    private static final Pattern TWILIO_AUTH_TOKEN = Pattern.compile("[0-9a-f]{32}");
    // Printable ASCII without spaces: a header value that survives copy and paste; 16+ so it is not guessable.
    private static final Pattern VAPI_SECRET = Pattern.compile("[\\x21-\\x7E]{16,512}");
    private static final Pattern VAPI_VERIFICATION = Pattern.compile("secret-header|hmac-sha256");

    private CredentialValidator() {}

    static void validate(CredentialChanges changes) {
        changes.set().values().forEach(CredentialValidator::validate);
    }

    /** The field that holds {@code provider}'s account id, for "belongs to another account". */
    static String accountIdField(String provider) {
        return "providers." + provider + ".accountSid";
    }

    private static void validate(ProviderSecret secret) {
        switch (secret.provider()) {
            case ProviderSecret.TWILIO -> {
                require(
                        matches(TWILIO_ACCOUNT_SID, secret.providerAccountId()),
                        accountIdField(ProviderSecret.TWILIO),
                        "must be AC followed by 32 lowercase hex digits");
                require(
                        matches(TWILIO_AUTH_TOKEN, secret.secret()),
                        "providers.twilio.authToken",
                        "must be the account's auth token: 32 lowercase hex digits");
            }
            case ProviderSecret.VAPI -> {
                require(
                        matches(VAPI_SECRET, secret.secret()),
                        "providers.vapi.secret",
                        "must be 16 to 512 printable ASCII characters without spaces");
                require(
                        matches(VAPI_VERIFICATION, secret.verification()),
                        "providers.vapi.verification",
                        "must be secret-header or hmac-sha256");
            }
            default ->
                throw new InvalidAccountException(
                        "providers." + secret.provider(), "is not a supported provider (twilio, vapi)");
        }
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidAccountException(field, message);
        }
    }
}
