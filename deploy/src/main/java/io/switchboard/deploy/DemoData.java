package io.switchboard.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.testsupport.IngressAccounts;

/**
 * Seeds the demo account through the services' own APIs: its number, assistant and Twilio
 * credentials at the orchestrator (which seals them onto accounts.v1 for the ingress), an opening
 * wallet credit at billing, and the number at the simulated provider so
 * that inbound calls reach the ingress. Every step is idempotent, so a restart seeds again safely.
 */
final class DemoData {

    static final String DEMO_STREAM_URL = "wss://assistants.switchboard.local/" + StackConfig.DEMO_ASSISTANT;
    static final String OPENING_CREDIT = "50.00";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalStack stack;

    DemoData(LocalStack stack) {
        this.stack = stack;
    }

    void seed() {
        put(
                stack.url(StackService.CALL_ORCHESTRATOR) + "/api/accounts/" + StackConfig.DEMO_ACCOUNT,
                Map.of(
                        "name", "Demo Inc.",
                        "numbers",
                                List.of(Map.of(
                                        "number", StackConfig.DEMO_NUMBER, "assistantId", StackConfig.DEMO_ASSISTANT)),
                        "assistants",
                                List.of(Map.of(
                                        "assistantId",
                                        StackConfig.DEMO_ASSISTANT,
                                        "name",
                                        "Front desk",
                                        "streamUrl",
                                        DEMO_STREAM_URL)),
                        "providers",
                                Map.of(
                                        "twilio",
                                        Map.of(
                                                "accountSid",
                                                stack.secrets().twilioAccountSid(),
                                                "authToken",
                                                stack.secrets().twilioAuthToken()))));
        send(
                "POST",
                stack.url(StackService.BILLING_SERVICE) + "/api/wallets/" + StackConfig.DEMO_ACCOUNT + "/top-ups",
                Map.of("topUpId", "demo-opening-credit", "amount", OPENING_CREDIT, "currency", "USD"));
        String ingress = stack.url(StackService.WEBHOOK_INGRESS) + "/webhooks/twilio/" + StackConfig.DEMO_ACCOUNT;
        put(
                stack.url(StackService.TELEPHONY_SIMULATOR) + "/simulator/numbers/" + StackConfig.DEMO_NUMBER,
                Map.of(
                        "accountSid", stack.secrets().twilioAccountSid(),
                        "voiceUrl", ingress + "/voice",
                        "statusCallback", ingress + "/status"));
    }

    /**
     * The ingress learns accounts from accounts.v1 a moment after the orchestrator publishes them; an
     * unsigned webhook is answered 404 until it knows the account, then 401/403 (missing signature).
     */
    void awaitIngressKnowsDemoAccount(Duration timeout) {
        IngressAccounts.awaitKnown(
                stack.url(StackService.WEBHOOK_INGRESS) + "/webhooks/twilio/" + StackConfig.DEMO_ACCOUNT + "/status",
                timeout);
    }

    private void put(String url, Object body) {
        send("PUT", url, body);
    }

    private void send(String method, String url, Object body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
