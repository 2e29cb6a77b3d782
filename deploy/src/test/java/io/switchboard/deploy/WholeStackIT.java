package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole path on a real broker: every service as its own JVM from its runnable jar, exactly as
 * {@code ./dev up} runs them, driven only through their public edges (Kafka call requests, the
 * simulator's provider API, the services' HTTP APIs).
 */
class WholeStackIT {

    private static final BigDecimal PRICE_PER_MINUTE = new BigDecimal("0.05");
    /** The steps the simulator reports for each outcome (the dialer's own "queued" may precede them). */
    private static final Map<String, List<String>> PROVIDER_PATHS = Map.of(
            "completed", List.of("initiated", "ringing", "in-progress", "completed"),
            "busy", List.of("initiated", "ringing", "busy"),
            "no-answer", List.of("initiated", "ringing", "no-answer"),
            "failed", List.of("initiated", "failed"));

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void startStack() throws IOException {
        Path repository = Path.of(System.getProperty("switchboard.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = Files.createTempDirectory("switchboard-stack-");
        stack = LocalStack.start(
                new StackConfig(repository, data, freeBasePort(), 0, 0, false, Duration.ofMillis(100)));
        client = new StackClient(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void outboundCallsReachTheirFinalStateAndCompletedOnesAreChargedOnce() {
        // given the provider delivers every callback twice and some out of order
        client.simulator("PUT", "/simulator/faults", Map.of("duplicate", true, "reorder", true));
        client.simulator(
                "PUT",
                "/simulator/outcome-rules",
                List.of(
                        Map.of("pattern", ".*0002$", "outcome", "busy", "durationSeconds", 0),
                        Map.of("pattern", ".*0003$", "outcome", "no-answer", "durationSeconds", 0),
                        Map.of("pattern", ".*0004$", "outcome", "failed", "durationSeconds", 0),
                        Map.of("pattern", ".*1030$", "outcome", "completed", "durationSeconds", 30),
                        Map.of("pattern", ".*", "outcome", "completed", "durationSeconds", 65)));
        BigDecimal startBalance = client.balance(StackConfig.DEMO_ACCOUNT);
        Map<String, String> expectedStatusByDestination = Map.of(
                "+16505551001",
                "completed",
                "+16505551030",
                "completed",
                "+16505550002",
                "busy",
                "+16505550003",
                "no-answer",
                "+16505550004",
                "failed",
                "+16505551002",
                "completed");

        // when an internal system requests one call to each destination
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> destinationByRequest = new HashMap<>();
        expectedStatusByDestination.keySet().forEach(to -> {
            var request = new CallRequest(
                    "e2e-" + batch + "-" + to.substring(8),
                    StackConfig.DEMO_ACCOUNT,
                    to,
                    StackConfig.DEMO_NUMBER,
                    StackConfig.DEMO_ASSISTANT,
                    Map.of("batch", batch));
            destinationByRequest.put(request.requestId(), to);
            client.publishCallRequest(request);
        });

        // then each call ends in the call log in its scripted final state, once, with every step the provider
        // reported (however late it arrived), its recording and its cost; the log is eventually consistent
        var settled = new AtomicReference<List<JsonNode>>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<JsonNode> found = client.callsOfRequests(destinationByRequest.keySet());
                    assertThat(found).hasSize(destinationByRequest.size());
                    found.forEach(call -> assertFinalState(
                            call,
                            expectedStatusByDestination.get(destinationByRequest.get(
                                    call.path("requestId").asString()))));
                    settled.set(found);
                });
        List<JsonNode> calls = settled.get();
        assertThat(client.callsOfRequests(destinationByRequest.keySet())).hasSize(destinationByRequest.size());

        // and every call the callee answered was streamed to the assistant its request named, with the
        // request's id and context: the provider fetched the voice URL the dialer gave it and followed the answer
        calls.stream()
                .filter(c -> c.path("status").asString().equals("completed"))
                .forEach(call -> {
                    JsonNode stream = client.simulator(
                                    "GET",
                                    "/simulator/calls/" + call.path("callId").asString(),
                                    null)
                            .path("voiceAnswer")
                            .path("stream");
                    assertThat(stream.path("url").asString()).isEqualTo(DemoData.DEMO_STREAM_URL);
                    assertThat(stream.path("parameters").path("assistantId").asString())
                            .isEqualTo(StackConfig.DEMO_ASSISTANT);
                    assertThat(stream.path("parameters").path("requestId").asString())
                            .isEqualTo(call.path("requestId").asString());
                    assertThat(stream.path("parameters").path("batch").asString())
                            .isEqualTo(batch);
                });

        // and the ledger holds exactly one debit per completed call, and the wallet dropped by their sum
        List<String> completed = calls.stream()
                .filter(c -> c.path("status").asString().equals("completed"))
                .map(c -> c.path("callId").asString())
                .toList();
        List<CallCharged> charges = client.chargesFor(completed, completed.size());
        assertThat(charges).extracting(CallCharged::callId).containsExactlyInAnyOrderElementsOf(completed);
        assertThat(charges)
                .extracting(CallCharged::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(expectedCharge(65), expectedCharge(30), expectedCharge(65));
        BigDecimal charged = charges.stream().map(CallCharged::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.balance(StackConfig.DEMO_ACCOUNT))
                        .isEqualByComparingTo(startBalance.subtract(charged)));
    }

    @Test
    void aRequestPostedOverHttpIsFollowedToItsEndAndADoNotCallNumberIsNeverDialed() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        var wanted = new CallRequest(
                "http-" + batch,
                StackConfig.DEMO_ACCOUNT,
                "+16505551001",
                StackConfig.DEMO_NUMBER,
                StackConfig.DEMO_ASSISTANT,
                Map.of("batch", batch),
                null,
                300,
                null,
                null,
                null,
                null,
                null);
        var unwanted = new CallRequest(
                "http-dnc-" + batch, StackConfig.DEMO_ACCOUNT, "+16505551099", StackConfig.DEMO_NUMBER, null, Map.of());
        client.listDoNotCall(StackConfig.DEMO_ACCOUNT, unwanted.to());

        JsonNode accepted = client.postCallRequest(wanted);
        client.postCallRequest(unwanted);

        assertThat(accepted.path("status").asString()).isEqualTo("received");
        assertThat(accepted.path("statusUrl").asString())
                .isEqualTo(stack.url(StackService.CALL_LOG_SERVICE) + "/api/call-requests/" + wanted.requestId());
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode followed = client.callRequest(wanted.requestId());
                    assertThat(followed).isNotNull();
                    assertThat(followed.path("state").asString()).isEqualTo("finished");
                    assertThat(followed.path("finalStatus").asString()).isEqualTo("completed");
                    JsonNode refused = client.callRequest(unwanted.requestId());
                    assertThat(refused).isNotNull();
                    assertThat(refused.path("state").asString()).isEqualTo("rejected");
                    assertThat(refused.path("field").asString()).isEqualTo("to");
                });
        JsonNode placed = client.simulator(
                "GET",
                "/simulator/calls/"
                        + client.callRequest(wanted.requestId()).path("callId").asString(),
                null);
        assertThat(placed.path("timeLimit").asInt())
                .as("the request's own limit, below what the wallet pays for")
                .isEqualTo(300);
    }

    @Test
    void aMachineAnsweringACallWhoseRequestSaysHangUpIsHungUpAndTheCallLogSaysWhoAnswered() {
        client.simulator(
                "PUT",
                "/simulator/outcome-rules",
                List.of(
                        Map.of(
                                "pattern",
                                ".*7001$",
                                "outcome",
                                "completed",
                                "durationSeconds",
                                65,
                                "answeredBy",
                                "machine_start"),
                        Map.of("pattern", ".*", "outcome", "completed", "durationSeconds", 65)));
        String batch = UUID.randomUUID().toString().substring(0, 8);
        var request = new CallRequest(
                "amd-" + batch,
                StackConfig.DEMO_ACCOUNT,
                "+16505557001",
                StackConfig.DEMO_NUMBER,
                StackConfig.DEMO_ASSISTANT,
                Map.of("batch", batch),
                null,
                null,
                new MachineDetection(MachineDetection.OnMachine.HANG_UP, null),
                null,
                null,
                null,
                null);

        client.postCallRequest(request);

        // the provider reported the machine to the request's AMD URL; the call log shows who answered
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<JsonNode> calls = client.callsOfRequests(List.of(request.requestId()));
                    assertThat(calls).singleElement().satisfies(call -> {
                        assertThat(call.path("answeredBy").asString()).isEqualTo("machine_start");
                        assertThat(call.path("status").asString()).isEqualTo("completed");
                    });
                });
        // and the dialer applied the request's policy on the account's Twilio account
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.metrics(StackService.CAMPAIGN_DIALER))
                        .containsPattern("switchboard_dialer_machine_detections_total\\{[^}]*policy=\"hung-up\""));
    }

    @Test
    void inboundCallIsStreamedToTheAssistantAndCharged() {
        client.simulator("PUT", "/simulator/faults", Map.of("duplicate", false, "reorder", false));
        BigDecimal startBalance = client.balance(StackConfig.DEMO_ACCOUNT);

        // when the provider rings the demo number
        String callSid = client.simulator(
                        "POST",
                        "/simulator/inbound-calls",
                        Map.of("from", "+14155550999", "to", StackConfig.DEMO_NUMBER))
                .path("callSid")
                .asString();

        // then the ingress answered with TwiML that streams the call to the number's assistant
        JsonNode simulated = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.simulator("GET", "/simulator/calls/" + callSid, null),
                        c -> c.path("voiceAnswer").path("twiml").asString("").contains("<Stream"));
        assertThat(simulated.path("voiceAnswer").path("httpStatus").asInt()).isEqualTo(200);
        assertThat(simulated.path("voiceAnswer").path("twiml").asString())
                .contains("<Connect>")
                .contains("url=\"" + DemoData.DEMO_STREAM_URL + "\"");

        // and the call ends in the call log as inbound and charged
        JsonNode call = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> client.call(callSid),
                        c -> c != null && c.path("cost").has("amount"));
        assertThat(call.path("direction").asString()).isEqualTo("inbound");
        assertThat(call.path("status").asString()).isEqualTo("completed");
        assertThat(call.path("assistantId").asString()).isEqualTo(StackConfig.DEMO_ASSISTANT);
        BigDecimal cost = money(call.path("cost").path("amount"));
        assertThat(cost)
                .isEqualByComparingTo(
                        expectedCharge(call.path("durationSeconds").asInt()));
        assertThat(client.chargesFor(List.of(callSid), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.balance(StackConfig.DEMO_ACCOUNT))
                        .isEqualByComparingTo(startBalance.subtract(cost)));
    }

    @Test
    void theAuditTrailHoldsTheDemoAccountsCreationItsTopUpAndReadsOfItsPersonalData() {
        // when the demo account's calls are read with calls:pii (it was created and topped up at start-up)
        client.callsOfRequests(List.of());

        // then the operator finds each act on the call log's trail, recorded by the service that did it
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(client.auditTrail(StackConfig.DEMO_ACCOUNT))
                        .extracting(entry -> entry.path("action").asString() + " "
                                + entry.path("source").asString())
                        .contains(
                                "account.created /switchboard/call-orchestrator",
                                "wallet.topped-up /switchboard/billing-service",
                                "calls.read-pii /switchboard/call-log-service"));
        assertThat(client.auditTrail(StackConfig.DEMO_ACCOUNT))
                .extracting(entry -> entry.toString())
                .noneMatch(entry -> entry.contains(StackConfig.DEMO_NUMBER));
    }

    @Test
    void everyServiceIsReadyOnItsManagementPortAndTrustsTheStacksIssuer() {
        for (StackService service : StackService.values()) {
            assertThat(client.actuator(service, "/actuator/health/readiness")
                            .path("status")
                            .asString())
                    .as("readiness of %s", service.module())
                    .isEqualTo("UP");
        }
        assertThat(stack.managementUrl(StackService.BILLING_SERVICE))
                .isNotEqualTo(stack.url(StackService.BILLING_SERVICE));
        // the issuer the services are pointed at names itself exactly as their issuer-uri
        assertThat(client.issuerDiscovery().path("issuer").asString()).isEqualTo(stack.issuerUrl());
    }

    private static void assertFinalState(JsonNode call, String expected) {
        String to = call.path("to").asString();
        assertThat(call.path("status").asString())
                .as("status of the call to %s", to)
                .isEqualTo(expected);
        assertThat(call.path("direction").asString()).isEqualTo("outbound");
        assertThat(statuses(call)).as("timeline of the call to %s", to).doesNotHaveDuplicates();
        assertThat(statuses(call).stream()
                        .filter(step -> !step.equals("queued"))
                        .toList())
                .as("provider steps of the call to %s", to)
                .containsExactlyElementsOf(PROVIDER_PATHS.get(expected));
        if (expected.equals("completed")) {
            assertThat(call.path("recording").path("url").asString())
                    .as("recording of the call to %s", to)
                    .startsWith(stack.url(StackService.TELEPHONY_SIMULATOR));
            assertThat(call.path("cost").has("amount"))
                    .as("cost of the call to %s", to)
                    .isTrue();
            assertThat(money(call.path("cost").path("amount")))
                    .isEqualByComparingTo(
                            expectedCharge(call.path("durationSeconds").asInt()));
        } else {
            assertThat(call.path("cost").isMissingNode() || call.path("cost").isNull())
                    .as("no cost for %s", to)
                    .isTrue();
        }
    }

    private static BigDecimal money(JsonNode amount) {
        return amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asString());
    }

    private static List<String> statuses(JsonNode call) {
        var statuses = new ArrayList<String>();
        call.path("timeline").forEach(step -> statuses.add(step.path("status").asString()));
        return statuses;
    }

    private static BigDecimal expectedCharge(int durationSeconds) {
        return PRICE_PER_MINUTE.multiply(BigDecimal.valueOf((durationSeconds + 59) / 60));
    }

    /**
     * A base port whose every port (services, management ports) is free, all below 32768, where Linux
     * starts handing out ephemeral ports: an outgoing connection of this machine cannot take one of them
     * between this check and the service binding it.
     */
    private static int freeBasePort() throws IOException {
        int highestOffset = StackService.MANAGEMENT_PORT_DISTANCE
                + Arrays.stream(StackService.values())
                        .mapToInt(StackService::portOffset)
                        .max()
                        .orElseThrow();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * (32768 - 20000 - highestOffset));
            if (allFree(base)) {
                return base;
            }
        }
        throw new IOException("no free base port for the stack");
    }

    private static boolean allFree(int base) {
        for (StackService service : StackService.values()) {
            if (!free(base + service.portOffset())
                    || (service.hasManagementPort()
                            && !free(base + StackService.MANAGEMENT_PORT_DISTANCE + service.portOffset()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
