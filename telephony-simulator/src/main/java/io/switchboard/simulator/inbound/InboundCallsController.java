package io.switchboard.simulator.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import jakarta.validation.Valid;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.CallRegistry;
import io.switchboard.simulator.call.domain.CallSpec;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.Sids;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.progress.InboundCallDriver;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Places a call to one of our numbers, as a caller on the phone network would. */
@RestController
class InboundCallsController {

    /** Twilio numbers report both answer and end; the voice webhook already says "ringing". */
    private static final Set<String> EVENTS = Set.of("answered", "completed");

    private final NumberRegistry numbers;
    private final CallRegistry calls;
    private final InboundCallDriver driver;

    InboundCallsController(NumberRegistry numbers, CallRegistry calls, InboundCallDriver driver) {
        this.numbers = numbers;
        this.calls = calls;
        this.driver = driver;
    }

    @PostMapping("/simulator/inbound-calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> call(@Valid @RequestBody InboundCallRequest request) {
        IncomingNumber number = numbers.find(request.to())
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "number " + request.to() + " is not registered"));
        CallSpec spec = new CallSpec(
                number.accountSid(),
                CallDirection.INBOUND,
                request.from(),
                request.to(),
                number.statusCallback(),
                HttpMethod.POST,
                EVENTS,
                false,
                null,
                Set.of(),
                null,
                null,
                null,
                null);
        SimulatedCall call = new SimulatedCall(Sids.call(), spec, CallStatus.RINGING, Instant.now());
        calls.add(call);
        driver.start(call, number.voiceUrl());
        return Map.of("callSid", call.sid());
    }
}
