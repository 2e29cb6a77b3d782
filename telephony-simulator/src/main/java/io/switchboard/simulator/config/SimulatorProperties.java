package io.switchboard.simulator.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.fault.Faults;
import io.switchboard.simulator.outcome.OutcomeRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.simulator.*}; every default lives, with its explanation, in application.yml.
 *
 * @param accounts            Twilio AccountSid to auth token; the tokens sign webhooks and check Basic auth
 * @param publicBaseUrl       base of the URLs the simulator hands out (RecordingUrl)
 * @param stepDelay           simulated time between two call progress steps
 * @param outcomeRules        first rule whose pattern matches the destination number decides the outcome
 * @param webhookRetries      further attempts after a 5xx or a connection error (not counting the first)
 * @param webhookRetryDelay   pause before each retry
 * @param webhookTimeout      how long a webhook receiver may take to answer (Twilio: 15s)
 * @param webhookMaxConnections size of the outgoing connection pool shared by all calls
 * @param retainedCalls       how many calls the inspection API keeps in memory (oldest evicted)
 * @param faults              fault injection at startup; switchable at runtime
 * @param followAnswerTwiml   fetch an outbound call's voice URL when it is answered and follow the TwiML, as
 *                            Twilio does; off, a call plays its scripted outcome whatever its TwiML says
 * @param callsPerSecond      Twilio's CPS: calls of one account dialed per second at most; the rest wait queued
 * @param accountCallsPerSecond AccountSid to its own CPS, as Twilio raises it per account
 * @param maxQueueTime        a call that would wait longer than this in its account's queue is refused (22005)
 * @param apiConcurrency      REST API requests one account may have in flight; more are refused (429, 20429)
 */
@ConfigurationProperties("switchboard.simulator")
public record SimulatorProperties(
        Map<String, String> accounts,
        String publicBaseUrl,
        Duration stepDelay,
        List<OutcomeRule> outcomeRules,
        int webhookRetries,
        Duration webhookRetryDelay,
        Duration webhookTimeout,
        int webhookMaxConnections,
        int retainedCalls,
        Faults faults,
        @DefaultValue("true") boolean followAnswerTwiml,
        @DefaultValue("1") int callsPerSecond,
        Map<String, Integer> accountCallsPerSecond,
        @DefaultValue("24h") Duration maxQueueTime,
        @DefaultValue("100") int apiConcurrency) {

    /** Checked here, like every Switchboard service's settings: a bad value fails start-up naming the property. */
    public SimulatorProperties {
        require(accounts != null, "accounts is required");
        require(publicBaseUrl != null && !publicBaseUrl.isBlank(), "public-base-url is required");
        require(stepDelay != null && !stepDelay.isNegative(), "step-delay must be 0 or more");
        require(outcomeRules != null && !outcomeRules.isEmpty(), "outcome-rules must name at least one rule");
        require(webhookRetries >= 0, "webhook-retries must be 0 or more");
        require(webhookRetryDelay != null && !webhookRetryDelay.isNegative(), "webhook-retry-delay must be 0 or more");
        require(webhookTimeout != null && webhookTimeout.isPositive(), "webhook-timeout must be positive");
        require(webhookMaxConnections > 0, "webhook-max-connections must be positive");
        require(retainedCalls > 0, "retained-calls must be positive");
        require(faults != null, "faults is required");
        require(callsPerSecond > 0, "calls-per-second must be positive");
        accountCallsPerSecond = accountCallsPerSecond == null ? Map.of() : normalized(accountCallsPerSecond);
        accountCallsPerSecond.forEach(
                (sid, cps) -> require(cps != null && cps > 0, "account-calls-per-second." + sid + " must be positive"));
        require(maxQueueTime != null && !maxQueueTime.isNegative(), "max-queue-time must be 0 or more");
        require(apiConcurrency > 0, "api-concurrency must be positive");
        accounts = normalized(accounts);
        outcomeRules = List.copyOf(outcomeRules);
    }

    private static void require(boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException("switchboard.simulator." + problem);
        }
    }

    /**
     * Environment variables ({@code SWITCHBOARD_SIMULATOR_ACCOUNTS_AC…}) reach a map with lower-cased
     * keys; Twilio SIDs are "AC" plus lower-case hex, so restoring the prefix restores the SID.
     */
    private static <V> Map<String, V> normalized(Map<String, V> accounts) {
        Map<String, V> result = new LinkedHashMap<>();
        accounts.forEach((sid, token) ->
                result.put(sid.regionMatches(true, 0, "AC", 0, 2) ? "AC" + sid.substring(2) : sid, token));
        return Map.copyOf(result);
    }

    /** Keeps auth tokens out of logs and failure analyses. */
    @Override
    public String toString() {
        return "SimulatorProperties[accounts=" + (accounts == null ? null : accounts.keySet()) + ", publicBaseUrl="
                + publicBaseUrl
                + ", stepDelay=" + stepDelay + ", outcomeRules=" + outcomeRules + ", webhookRetries="
                + webhookRetries + ", webhookRetryDelay=" + webhookRetryDelay + ", webhookTimeout="
                + webhookTimeout + ", webhookMaxConnections=" + webhookMaxConnections + ", retainedCalls="
                + retainedCalls + ", faults=" + faults + ", followAnswerTwiml=" + followAnswerTwiml
                + ", callsPerSecond=" + callsPerSecond + ", accountCallsPerSecond=" + accountCallsPerSecond
                + ", maxQueueTime=" + maxQueueTime + ", apiConcurrency=" + apiConcurrency + "]";
    }
}
