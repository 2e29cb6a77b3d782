package io.switchboard.simulator.call.domain;

import org.springframework.http.HttpMethod;

/**
 * What a call runs once answered: TwiML fetched from {@code url} with {@code method}, or given inline.
 *
 * @param url    fetched when the call is answered
 * @param method how {@code url} is requested (Twilio's {@code Method}, POST by default)
 * @param twiml  inline TwiML (Twilio's {@code Twiml}), executed without a fetch; as on Twilio it is ignored
 *               when {@code url} is given too
 */
public record VoiceInstructions(String url, HttpMethod method, String twiml) {

    public boolean inline() {
        return url == null;
    }
}
