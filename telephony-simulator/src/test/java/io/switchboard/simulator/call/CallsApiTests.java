package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@SimulatorTest
class CallsApiTests {

    private static final String RFC_2822 = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";
    private static final String CALLS = "/2010-04-01/Accounts/{sid}/Calls.json";

    @Autowired
    private WebTestClient client;

    @Test
    void whenCallCreatedThen201WithTwilioShapedResource() {
        // when
        WebTestClient.ResponseSpec response = create(CallForm.to("+15550100001"), TestAccounts.AUTH_TOKEN);

        // then
        response.expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sid")
                .value(sid -> assertThat((String) sid).matches("CA[0-9a-f]{32}"))
                .jsonPath("$.account_sid")
                .isEqualTo(TestAccounts.ACCOUNT_SID)
                .jsonPath("$.to")
                .isEqualTo("+15550100001")
                .jsonPath("$.to_formatted")
                .isEqualTo("(555) 010-0001")
                .jsonPath("$.from")
                .isEqualTo("+15550100000")
                .jsonPath("$.status")
                .isEqualTo("queued")
                .jsonPath("$.direction")
                .isEqualTo("outbound-api")
                .jsonPath("$.api_version")
                .isEqualTo("2010-04-01")
                .jsonPath("$.date_created")
                .value(date -> assertThat((String) date).matches(RFC_2822))
                .jsonPath("$.start_time")
                .isEmpty()
                .jsonPath("$.end_time")
                .isEmpty()
                .jsonPath("$.duration")
                .isEmpty()
                .jsonPath("$.price")
                .isEmpty()
                .jsonPath("$.price_unit")
                .isEqualTo("USD")
                .jsonPath("$.uri")
                .value(uri -> assertThat((String) uri)
                        .matches("/2010-04-01/Accounts/" + TestAccounts.ACCOUNT_SID + "/Calls/CA[0-9a-f]{32}\\.json"))
                .jsonPath("$.subresource_uris.recordings")
                .exists();
    }

    @Test
    void whenTokenWrongThen401WithTwilioError() {
        create(CallForm.to("+15550100001"), "not-the-token")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json("""
                        {"code":20003,"message":"Authenticate",
                         "more_info":"https://www.twilio.com/docs/errors/20003","status":401}""");
    }

    @Test
    void whenPathAccountDiffersFromCredentialsThen401() {
        client.post()
                .uri(CALLS, "AC00000000000000000000000000000000")
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(CallForm.to("+15550100001").build()))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void whenToMissingThen400Code21201() {
        create(CallForm.to("+15550100001").without("To"), TestAccounts.AUTH_TOKEN)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json("""
                        {"code":21201,"message":"No 'To' number is specified","status":400}""");
    }

    @Test
    void whenFromMissingThen400Code21603() {
        create(CallForm.to("+15550100001").without("From"), TestAccounts.AUTH_TOKEN)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json("""
                        {"code":21603,"message":"A 'From' phone number is required.","status":400}""");
    }

    @Test
    void whenNeitherUrlNorTwimlThen400Code21205() {
        create(CallForm.to("+15550100001").without("Twiml"), TestAccounts.AUTH_TOKEN)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json("""
                        {"code":21205,"message":"Url parameter is required.",
                         "more_info":"https://www.twilio.com/docs/errors/21205","status":400}""");
    }

    @Test
    void whenUrlGivenInsteadOfTwimlThenCallIsCreated() {
        create(CallForm.to("+15550100001").voiceUrl("http://app.test/twiml"), TestAccounts.AUTH_TOKEN)
                .expectStatus()
                .isCreated();
    }

    @Test
    void whenUnknownCallFetchedThen404Code20404() {
        fetch("CA00000000000000000000000000000000")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(20404)
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.more_info")
                .isEqualTo("https://www.twilio.com/docs/errors/20404")
                .jsonPath("$.message")
                .value(message -> assertThat((String) message)
                        .startsWith("The requested resource /2010-04-01/Accounts/")
                        .endsWith(" was not found"));
    }

    @Test
    void whenCallHasCompletedThenFetchShowsDurationAndTimes() {
        // given
        String sid =
                new SimulatorApi(client).createCall(CallForm.to("+15550100001").with("TimeLimit", "40"));

        // when / then
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> fetch(sid)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("completed")
                        .jsonPath("$.duration")
                        .isEqualTo("40")
                        .jsonPath("$.start_time")
                        .value(time -> assertThat((String) time).matches(RFC_2822))
                        .jsonPath("$.end_time")
                        .value(time -> assertThat((String) time).matches(RFC_2822)));
    }

    private WebTestClient.ResponseSpec create(CallForm form, String token) {
        return client.post()
                .uri(CALLS, TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, token))
                .body(BodyInserters.fromFormData(form.build()))
                .exchange();
    }

    private WebTestClient.ResponseSpec fetch(String callSid) {
        return client.get()
                .uri("/2010-04-01/Accounts/{sid}/Calls/{call}.json", TestAccounts.ACCOUNT_SID, callSid)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .exchange();
    }
}
