package io.switchboard.dialer.provider.twilio.client;

import java.net.URI;
import java.util.List;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.OutboundCalls;
import io.switchboard.dialer.placement.domain.ProviderResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places calls through the official Twilio SDK ({@code POST /2010-04-01/Accounts/{sid}/Calls.json}),
 * with status and recording callbacks pointed at webhook-ingress. Transient failures are retried
 * with exponential backoff by {@code retry}; a refusal (e.g. 21211, invalid number) is not.
 */
public final class TwilioCallsClient implements OutboundCalls {

    static final String PROVIDER = "twilio";
    static final List<String> STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private static final Logger log = LoggerFactory.getLogger(TwilioCallsClient.class);

    private final TwilioRestClient restClient;
    private final Retry retry;
    private final URI ingressBaseUrl;
    private final String connectionOverrides;
    private final MeterRegistry meters;

    public TwilioCallsClient(
            TwilioRestClient restClient,
            Retry retry,
            URI ingressBaseUrl,
            String connectionOverrides,
            MeterRegistry meters) {
        this.restClient = restClient;
        this.retry = retry;
        this.ingressBaseUrl = ingressBaseUrl;
        this.connectionOverrides = connectionOverrides;
        this.meters = meters;
    }

    /** The SDK's REST client on {@link TwilioHttpClient}: the configured base URL, one send per attempt. */
    public static TwilioRestClient restClient(DialerProperties.Twilio twilio) {
        return new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new TwilioHttpClient(twilio.apiBaseUrl(), twilio.timeout()))
                .build();
    }

    /** Exponential backoff, retrying only what {@link TwilioFailures} calls transient. */
    public static RetryConfig retryConfig(DialerProperties.Retry retry) {
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        retry.initialBackoff(), retry.multiplier(), retry.maxBackoff()))
                .retryOnException(TwilioFailures::isTransient)
                .build();
    }

    @Override
    public ProviderResult place(OutboundCall call) {
        Timer.Sample sample = Timer.start(meters);
        ProviderResult result = attempt(call);
        sample.stop(Timer.builder("switchboard.dialer.provider.requests")
                .description("Placing one call with the provider, retries included")
                .tag("provider", PROVIDER)
                .tag("outcome", result.outcome())
                .register(meters));
        return result;
    }

    private ProviderResult attempt(OutboundCall call) {
        CallCreator creator = creator(call);
        try {
            Call created = retry.executeSupplier(() -> creator.create(restClient));
            return new ProviderResult.Accepted(PROVIDER, created.getSid());
        } catch (TwilioException e) {
            String reason = TwilioFailures.describe(e);
            if (TwilioFailures.isTransient(e)) {
                log.warn(
                        "Twilio unavailable for account {} after {} attempts: {}",
                        call.accountId(),
                        retry.getRetryConfig().getMaxAttempts(),
                        reason);
                return new ProviderResult.Unavailable("provider unavailable after "
                        + retry.getRetryConfig().getMaxAttempts() + " attempts: " + reason);
            }
            log.info("Twilio refused a call for account {}: {}", call.accountId(), reason);
            return new ProviderResult.Refused(reason);
        }
    }

    CallCreator creator(OutboundCall call) {
        TwilioCallbackUrls callbacks = TwilioCallbackUrls.of(ingressBaseUrl, call.accountId(), connectionOverrides);
        return Call.creator(new PhoneNumber(call.to()), new PhoneNumber(call.from()), callbacks.voice())
                .setStatusCallback(callbacks.status())
                .setStatusCallbackMethod(HttpMethod.POST)
                .setStatusCallbackEvent(STATUS_EVENTS)
                .setRecord(true)
                .setRecordingStatusCallback(callbacks.recording().toString())
                .setTimeLimit(call.timeLimitSeconds());
    }
}
