package io.switchboard.orchestrator.account.domain;

/**
 * A provider credential as the account holds and publishes it: the secret only sealed
 * ({@code SecretBox}, the account id as associated data).
 *
 * @param provider          {@code twilio}, {@code vapi}
 * @param providerAccountId Twilio AccountSid; null for VAPI
 * @param sealedSecret      {@code v1:<key id>:<Base64>}
 * @param verification      VAPI's scheme; null for Twilio
 */
public record SealedCredential(String provider, String providerAccountId, String sealedSecret, String verification) {}
