package io.switchboard.dialer.provider.twilio.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.twilio.http.TwilioRestClient;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.events.account.Credential;

/**
 * The SDK's REST client of each Twilio account calls are placed on, made once per account SID and auth
 * token (a rotated token gets a new client) and all sharing one {@link TwilioHttpClient}: the configured base
 * URL, one send per attempt, one connection pool.
 */
public final class TwilioRestClients {

    private final TwilioHttpClient http;
    private final Map<String, Held> clients = new ConcurrentHashMap<>();

    public TwilioRestClients(DialerProperties.Twilio twilio) {
        this.http = new TwilioHttpClient(twilio.apiBaseUrl(), twilio.timeout());
    }

    /** The client that authenticates as {@code credential}'s Twilio account. */
    public TwilioRestClient of(Credential credential) {
        if (credential == null || credential.providerAccountId() == null || credential.secret() == null) {
            throw new IllegalArgumentException("a Twilio call needs the account's SID and auth token");
        }
        return clients.compute(
                        credential.providerAccountId(),
                        (sid, held) -> held != null && held.token().equals(credential.secret())
                                ? held
                                : new Held(
                                        credential.secret(),
                                        new TwilioRestClient.Builder(sid, credential.secret())
                                                .httpClient(http)
                                                .build()))
                .client();
    }

    private record Held(String token, TwilioRestClient client) {

        @Override
        public String toString() {
            return "Held[token=***]";
        }
    }
}
