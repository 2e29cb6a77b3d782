package io.switchboard.simulator.call.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.switchboard.simulator.account.AccountAuthenticator;
import io.switchboard.simulator.call.domain.CallRegistry;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.Sids;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.progress.CallQueueFullException;
import io.switchboard.simulator.call.progress.OutboundCallDriver;
import io.switchboard.simulator.fault.CreateCallFault;
import io.switchboard.simulator.fault.CreateCallFaults;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The slice of Twilio's Calls API that Switchboard uses: create, list, fetch and update calls. */
@RestController
class CallsController {

    private static final String CALLS = "/2010-04-01/Accounts/{accountSid}/Calls.json";
    private static final String CALL = "/2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json";

    private final AccountAuthenticator accounts;
    private final CallRegistry calls;
    private final OutboundCallDriver driver;
    private final CreateCallFaults faults;

    CallsController(
            AccountAuthenticator accounts, CallRegistry calls, OutboundCallDriver driver, CreateCallFaults faults) {
        this.accounts = accounts;
        this.calls = calls;
        this.driver = driver;
        this.faults = faults;
    }

    /**
     * A rate-limit fault creates nothing; the other create faults create the call and spoil only the answer. The
     * call joins its account's calls-per-second queue; a full queue (22005) creates nothing.
     */
    @PostMapping(CALLS)
    Mono<ResponseEntity<CallResource>> create(
            @PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        authenticate(accountSid, authorization);
        return exchange.getFormData().flatMap(form -> {
            var spec = CreateCallForm.parse(accountSid, form);
            Optional<CreateCallFault> fault = faults.take();
            if (fault.isPresent() && fault.get().kind() == CreateCallFault.Kind.RATE_LIMIT) {
                return Mono.error(TwilioApiException.tooManyRequests());
            }
            SimulatedCall call = new SimulatedCall(Sids.call(), spec, CallStatus.QUEUED, Instant.now());
            try {
                driver.start(call);
            } catch (CallQueueFullException full) {
                return Mono.error(TwilioApiException.queueFull(full.getMessage()));
            }
            calls.add(call);
            return CreateCallFaultAnswers.answer(
                    fault, ResponseEntity.status(HttpStatus.CREATED).body(CallResource.of(call)), exchange);
        });
    }

    /** Newest first, like Twilio. */
    @GetMapping(CALLS)
    CallPage list(
            @PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        authenticate(accountSid, authorization);
        var params = exchange.getRequest().getQueryParams();
        CallsQuery query = CallsQuery.of(params);
        List<SimulatedCall> matching = calls.newestFirst().stream()
                .filter(call -> call.spec().accountSid().equals(accountSid))
                .filter(query::matches)
                .toList();
        return CallPager.page(accountSid, query, params, matching);
    }

    @GetMapping(CALL)
    CallResource fetch(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(accountSid, authorization);
        return CallResource.of(find(accountSid, callSid));
    }

    @PostMapping(CALL)
    Mono<CallResource> update(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        authenticate(accountSid, authorization);
        SimulatedCall call = find(accountSid, callSid);
        return exchange.getFormData().map(form -> {
            CallUpdates.apply(call, form, driver);
            return CallResource.of(call);
        });
    }

    private SimulatedCall find(String accountSid, String callSid) {
        return calls.find(callSid)
                .filter(call -> call.spec().accountSid().equals(accountSid))
                .orElseThrow(() -> TwilioApiException.notFound(
                        "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + ".json"));
    }

    private void authenticate(String accountSid, String authorization) {
        if (!accounts.authenticates(accountSid, authorization)) {
            throw TwilioApiException.unauthenticated();
        }
    }
}
