package io.switchboard.ingress.testing.fuzz;

/**
 * What the fuzz aims at: the public URL Twilio signs, and the accounts on accounts.v1 with their
 * credentials, so that some requests are correctly signed and reach past the signature check.
 *
 * @param twilio           a Twilio account
 * @param otherTwilio      another Twilio account, with its own AccountSid and token
 * @param vapiOnlyAccount  an account with a VAPI credential only (no Twilio webhooks)
 * @param vapiSecret       a VAPI account with a secret-header credential
 * @param vapiHmac         a VAPI account with an hmac-sha256 credential
 */
public record FuzzTargets(
        String publicBaseUrl,
        TwilioAccount twilio,
        TwilioAccount otherTwilio,
        String vapiOnlyAccount,
        VapiAccount vapiSecret,
        VapiAccount vapiHmac) {

    public record TwilioAccount(String id, String accountSid, String authToken) {}

    public record VapiAccount(String id, String secret) {}
}
