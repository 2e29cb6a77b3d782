package io.switchboard.dialer.provider.twilio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.Test;

class TwilioHttpClientTests {

    @Test
    void whenBaseUrlConfiguredThenTwilioApiRequestRewrittenWithEverythingElseKept() {
        var client = client("http://localhost:8090/");
        var original = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Calls.json");
        original.setAuth("AC1", "secret");
        original.addPostParam("To", "+14155552671");
        original.addQueryParam("PageSize", "5");

        Request rewritten = client.rewrite(original);

        assertThat(rewritten.getUrl()).isEqualTo("http://localhost:8090/2010-04-01/Accounts/AC1/Calls.json");
        assertThat(rewritten.constructURL())
                .hasToString("http://localhost:8090/2010-04-01/Accounts/AC1/Calls.json?PageSize=5");
        assertThat(rewritten.getAuthString()).isEqualTo(original.getAuthString());
        assertThat(rewritten.getPostParams()).isEqualTo(original.getPostParams());
    }

    @Test
    void whenBaseUrlIsTwilioOrHostIsAnotherThenRequestUntouched() {
        var original = new Request(HttpMethod.GET, "https://api.twilio.com/2010-04-01/Accounts.json");
        var other = new Request(HttpMethod.GET, "https://voice.twilio.com/v1/Settings");

        assertThat(client("https://api.twilio.com").rewrite(original)).isSameAs(original);
        assertThat(client("http://localhost:8090").rewrite(other)).isSameAs(other);
    }

    private static TwilioHttpClient client(String baseUrl) {
        return new TwilioHttpClient(URI.create(baseUrl), Duration.ofSeconds(1));
    }
}
