package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorHttpClient;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import io.switchboard.simulator.support.WebhookReceiver;
import io.switchboard.simulator.support.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The official Twilio SDK, unchanged but for its base URL, against a running simulator. */
@SimulatorTest
class TwilioSdkTests {

    @LocalServerPort
    private int port;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void whenSdkCreatesCallThenItCanFetchItUntilCompleted() {
        // given
        TwilioRestClient twilio = client(TestAccounts.AUTH_TOKEN);
        receiver.reply("/voice", new Reply(200, CallForm.STREAM_TWIML));

        // when
        Call created = Call.creator(
                        new PhoneNumber("+15550100001"),
                        new PhoneNumber("+15550100000"),
                        URI.create(receiver.url("/voice")))
                .setStatusCallback(URI.create(receiver.url("/status")))
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                .setTimeLimit(50)
                .create(twilio);

        // then
        assertThat(created.getSid()).matches("CA[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);
        assertThat(created.getAccountSid()).isEqualTo(TestAccounts.ACCOUNT_SID);
        assertThat(created.getDirection()).isEqualTo("outbound-api");
        assertThat(created.getDateCreated()).isNotNull();
        assertThat(created.getPriceUnit()).hasToString("USD");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Call fetched = Call.fetcher(created.getSid()).fetch(twilio);
            assertThat(fetched.getStatus()).isEqualTo(Call.Status.COMPLETED);
            assertThat(fetched.getDuration()).isEqualTo("50");
            assertThat(fetched.getStartTime()).isNotNull();
            assertThat(fetched.getEndTime()).isAfterOrEqualTo(fetched.getStartTime());
        });
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(receiver.received("/status"))
                        .extracting(hook -> hook.param("CallStatus"))
                        .containsExactly("initiated", "ringing", "in-progress", "completed"));
    }

    @Test
    void whenSdkUsesWrongTokenThenItGetsTwilioAuthenticateError() {
        // given
        TwilioRestClient twilio = client("wrong-token");

        // when / then
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(
                        () -> Call.fetcher("CA00000000000000000000000000000000").fetch(twilio))
                .satisfies(error -> {
                    assertThat(error.getCode()).isEqualTo(20003);
                    assertThat(error.getStatusCode()).isEqualTo(401);
                });
    }

    @Test
    void whenSdkFetchesUnknownCallThenItGets20404() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(
                        () -> Call.fetcher("CA00000000000000000000000000000000").fetch(client(TestAccounts.AUTH_TOKEN)))
                .satisfies(error -> assertThat(error.getCode()).isEqualTo(20404));
    }

    private TwilioRestClient client(String token) {
        return new TwilioRestClient.Builder(TestAccounts.ACCOUNT_SID, token)
                .httpClient(new SimulatorHttpClient("http://localhost:" + port))
                .build();
    }
}
