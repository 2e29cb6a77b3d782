package io.switchboard.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.testsupport.IngressAccounts;

/**
 * Seeds the demo account through the services' own APIs, with the tokens a real caller would need: its
 * number, assistant and Twilio credentials at the orchestrator as the platform operator (which seals them
 * onto accounts.v1 for the ingress), an opening wallet credit at billing as the demo account itself, and
 * the number at the simulated provider (no token: it stands in for Twilio) so that inbound calls reach
 * the ingress. Every step is idempotent, so a restart seeds again safely.
 */
final class DemoData {

    static final String DEMO_STREAM_URL = "wss://assistants.switchboard.local/" + StackConfig.DEMO_ASSISTANT;
    static final String OPENING_CREDIT = "50.00";

    private final StackApi api = new StackApi();
    private final LocalStack stack;

    DemoData(LocalStack stack) {
        this.stack = stack;
    }

    void seed() {
        send(
                "PUT",
                stack.url(StackService.CALL_ORCHESTRATOR) + "/api/accounts/" + StackConfig.DEMO_ACCOUNT,
                stack.tokens().operator(),
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
                stack.tokens().forAccount(StackConfig.DEMO_ACCOUNT, "billing:write"),
                Map.of("topUpId", "demo-opening-credit", "amount", OPENING_CREDIT, "currency", "USD"));
        String ingress = stack.url(StackService.WEBHOOK_INGRESS) + "/webhooks/twilio/" + StackConfig.DEMO_ACCOUNT;
        send(
                "PUT",
                stack.url(StackService.TELEPHONY_SIMULATOR) + "/simulator/numbers/" + StackConfig.DEMO_NUMBER,
                null,
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

    private void send(String method, String url, String token, Object body) {
        api.send(method, url, token, body);
    }
}
