package io.switchboard.simulator.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The simulator's HTTP API as the tests drive it. */
public final class SimulatorApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient client;

    public SimulatorApi(WebTestClient client) {
        this.client = client;
    }

    public String createCall(CallForm form) {
        Map<String, Object> created = client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls.json", TestAccounts.ACCOUNT_SID)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(form.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return (String) created.get("sid");
    }

    /** GET …/Calls.json with these query params (names and values unencoded, e.g. {@code "StartTime>"}). */
    public Map<String, Object> listCalls(Map<String, String> params) {
        return client.get()
                .uri(builder -> {
                    builder.path("/2010-04-01/Accounts/{sid}/Calls.json");
                    List<Object> values = new ArrayList<>(List.of(TestAccounts.ACCOUNT_SID));
                    params.forEach((name, value) -> {
                        builder.queryParam(name, "{v" + values.size() + "}");
                        values.add(value);
                    });
                    return builder.build(values.toArray());
                })
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    /** POST …/Calls/{sid}.json, Twilio's "update a call". */
    public WebTestClient.ResponseSpec updateCall(String callSid, CallForm form) {
        return client.post()
                .uri("/2010-04-01/Accounts/{sid}/Calls/{call}.json", TestAccounts.ACCOUNT_SID, callSid)
                .headers(headers -> headers.setBasicAuth(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN))
                .body(BodyInserters.fromFormData(form.build()))
                .exchange();
    }

    /** Arms a create-call fault, e.g. {@code Map.of("kind", "rate-limit", "count", 2)}. */
    public void armCreateFault(Map<String, Object> fault) {
        client.put()
                .uri("/simulator/faults/create-call")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fault)
                .exchange()
                .expectStatus()
                .isOk();
    }

    public void disarmCreateFault() {
        client.delete()
                .uri("/simulator/faults/create-call")
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    /** Replaces the outcome rules, returning the ones in force before so a test can put them back. */
    public List<?> outcomeRules(List<?> rules) {
        List<?> before = client.get()
                .uri("/simulator/outcome-rules")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        client.put()
                .uri("/simulator/outcome-rules")
                .bodyValue(rules)
                .exchange()
                .expectStatus()
                .isOk();
        return before;
    }

    /** The simulator's own view of a call (GET /simulator/calls/{sid}). */
    public Map<String, Object> call(String callSid) {
        return client.get()
                .uri("/simulator/calls/{sid}", callSid)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deliveries(String callSid) {
        return (List<Map<String, Object>>) call(callSid).get("deliveries");
    }

    public void faults(boolean duplicate, boolean reorder) {
        client.put()
                .uri("/simulator/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("duplicate", duplicate, "reorder", reorder))
                .exchange()
                .expectStatus()
                .isOk();
    }

    public void registerNumber(String number, String voiceUrl, String statusCallback) {
        client.put()
                .uri("/simulator/numbers/{number}", number)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "accountSid", TestAccounts.ACCOUNT_SID, "voiceUrl", voiceUrl, "statusCallback", statusCallback))
                .exchange()
                .expectStatus()
                .isOk();
    }

    public String inboundCall(String from, String to) {
        Map<String, Object> accepted = client.post()
                .uri("/simulator/inbound-calls")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", from, "to", to))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return (String) accepted.get("callSid");
    }
}
