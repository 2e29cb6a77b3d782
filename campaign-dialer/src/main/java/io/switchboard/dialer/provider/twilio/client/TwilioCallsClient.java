package io.switchboard.dialer.provider.twilio.client;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.CallUpdater;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import com.twilio.type.PhoneNumber;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.OutboundCalls;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.ProviderUnavailableException;
import io.switchboard.dialer.placement.domain.SendTurn;
import io.switchboard.events.request.MachineDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places calls through the official Twilio SDK ({@code POST /2010-04-01/Accounts/{sid}/Calls.json}),
 * with status and recording callbacks pointed at webhook-ingress, and finds them again in the call list
 * ({@code GET .../Calls.json?To=&From=}) when a placement had no certain answer. A placement is one request:
 * what certainly created nothing is not sent again here but reported ({@link TwilioFailures}), so that the
 * pacer decides when the account is asked again and every request Twilio sees took its turn.
 */
public final class TwilioCallsClient implements OutboundCalls {

    static final String PROVIDER = "twilio";
    private static final int LIST_PAGE_SIZE = 50;

    static final List<String> STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private static final Logger log = LoggerFactory.getLogger(TwilioCallsClient.class);

    private final TwilioRestClients restClients;
    private final URI ingressBaseUrl;
    private final String connectionOverrides;
    private final MeterRegistry meters;

    public TwilioCallsClient(
            TwilioRestClients restClients, URI ingressBaseUrl, String connectionOverrides, MeterRegistry meters) {
        this.restClients = restClients;
        this.ingressBaseUrl = ingressBaseUrl;
        this.connectionOverrides = connectionOverrides;
        this.meters = meters;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    @Override
    public ProviderResult place(OutboundCall call, SendTurn turn) {
        Timer.Sample sample = Timer.start(meters);
        ProviderResult result = attempt(call, turn);
        sample.stop(Timer.builder("switchboard.dialer.provider.requests")
                .description("Placing one call with the provider")
                .tag("provider", PROVIDER)
                .tag("outcome", result.outcome())
                .register(meters));
        return result;
    }

    private ProviderResult attempt(OutboundCall call, SendTurn turn) {
        CallCreator creator = creator(call);
        TwilioRestClient restClient = restClients.of(call.credential());
        try {
            Call created = SendTurns.during(turn, () -> creator.create(restClient));
            return new ProviderResult.Accepted(created.getSid());
        } catch (TwilioException e) {
            String reason = TwilioFailures.describe(e);
            if (TwilioFailures.throttled(e)) {
                return new ProviderResult.Throttled(reason);
            }
            if (TwilioFailures.createdNothing(e)) {
                log.warn("Twilio created no call for account {}: {}", call.accountId(), reason);
                return new ProviderResult.NotCreated(reason);
            }
            if (TwilioFailures.uncertain(e)) {
                return new ProviderResult.Unknown(reason);
            }
            log.info("Twilio refused a call for account {}: {}", call.accountId(), reason);
            return new ProviderResult.Refused(reason);
        }
    }

    /**
     * Twilio lists calls newest first; those of the request's numbers are read back to {@code createdSince}.
     * The call resource carries no callback URLs, so numbers and creation time are what identify it.
     */
    @Override
    public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
        String earliest = null;
        try {
            for (Call listed : Call.reader()
                    .setTo(new PhoneNumber(call.to()))
                    .setFrom(new PhoneNumber(call.from()))
                    .pageSize(LIST_PAGE_SIZE)
                    .read(restClients.of(call.credential()))) {
                ZonedDateTime created = listed.getDateCreated();
                if (created != null && created.toInstant().isBefore(createdSince)) {
                    break;
                }
                if (!adopted.contains(listed.getSid())) {
                    earliest = listed.getSid();
                }
            }
        } catch (TwilioException e) {
            throw new ProviderUnavailableException(
                    "could not read Twilio's call list: " + TwilioFailures.describe(e), e);
        }
        return Optional.ofNullable(earliest);
    }

    @Override
    public void hangUp(OutboundCall call, String callId) {
        update(call, callId, "hang up", Call.updater(callId).setStatus(Call.UpdateStatus.COMPLETED));
    }

    @Override
    public void leaveMessage(OutboundCall call, String callId, String message) {
        String twiml = new VoiceResponse.Builder()
                .say(new Say.Builder(message).build())
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
        update(call, callId, "leave a message on", Call.updater(callId).setTwiml(twiml));
    }

    /**
     * One attempt: an update is safe to repeat, so a failure that may be passing makes the caller try again
     * later; Twilio refusing it (the call is no longer in progress, code 21220) ends the matter.
     */
    private void update(OutboundCall call, String callId, String action, CallUpdater updater) {
        try {
            updater.update(restClients.of(call.credential()));
            log.info("Asked Twilio to {} call {} of request {}", action, callId, call.requestId());
        } catch (TwilioException e) {
            if (TwilioFailures.createdNothing(e) || TwilioFailures.uncertain(e)) {
                throw new ProviderUnavailableException(
                        "could not " + action + " call " + callId + ": " + TwilioFailures.describe(e), e);
            }
            log.info("Twilio would not {} call {}: {}", action, callId, TwilioFailures.describe(e));
        }
    }

    CallCreator creator(OutboundCall call) {
        TwilioCallbackUrls callbacks =
                TwilioCallbackUrls.of(ingressBaseUrl, call.accountId(), call.requestId(), connectionOverrides);
        CallCreator creator = Call.creator(new PhoneNumber(call.to()), new PhoneNumber(call.from()), callbacks.voice())
                .setStatusCallback(callbacks.status())
                .setStatusCallbackMethod(HttpMethod.POST)
                .setStatusCallbackEvent(STATUS_EVENTS)
                .setRecord(true)
                .setRecordingStatusCallback(callbacks.recording().toString())
                .setTimeLimit(call.timeLimitSeconds());
        MachineDetection detection = call.machineDetection();
        if (detection != null) {
            // Asynchronous: the assistant is connected at once, and the result is acted on when it arrives. A
            // message is left after the greeting, so only then is detection told to wait for its end.
            creator.setMachineDetection(
                            detection.onMachine() == MachineDetection.OnMachine.LEAVE_MESSAGE
                                    ? "DetectMessageEnd"
                                    : "Enable")
                    .setAsyncAmd("true")
                    .setAsyncAmdStatusCallback(callbacks.machineDetection())
                    .setAsyncAmdStatusCallbackMethod(HttpMethod.POST);
        }
        return creator;
    }
}
