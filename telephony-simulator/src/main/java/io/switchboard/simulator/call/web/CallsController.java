package io.switchboard.simulator.call.web;

import java.time.Instant;

import io.switchboard.simulator.account.AccountAuthenticator;
import io.switchboard.simulator.call.domain.CallRegistry;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.Sids;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.progress.OutboundCallDriver;
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

/** The slice of Twilio's Calls API that Switchboard uses: create an outbound call, fetch it. */
@RestController
class CallsController {

    private final AccountAuthenticator accounts;
    private final CallRegistry calls;
    private final OutboundCallDriver driver;

    CallsController(AccountAuthenticator accounts, CallRegistry calls, OutboundCallDriver driver) {
        this.accounts = accounts;
        this.calls = calls;
        this.driver = driver;
    }

    @PostMapping("/2010-04-01/Accounts/{accountSid}/Calls.json")
    Mono<ResponseEntity<CallResource>> create(
            @PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        authenticate(accountSid, authorization);
        return exchange.getFormData().map(form -> {
            SimulatedCall call = new SimulatedCall(
                    Sids.call(), CreateCallForm.parse(accountSid, form), CallStatus.QUEUED, Instant.now());
            calls.add(call);
            driver.start(call);
            return ResponseEntity.status(HttpStatus.CREATED).body(CallResource.of(call));
        });
    }

    @GetMapping("/2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json")
    CallResource fetch(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(accountSid, authorization);
        return calls.find(callSid)
                .filter(call -> call.spec().accountSid().equals(accountSid))
                .map(CallResource::of)
                .orElseThrow(() -> TwilioApiException.notFound(
                        "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + ".json"));
    }

    private void authenticate(String accountSid, String authorization) {
        if (!accounts.authenticates(accountSid, authorization)) {
            throw TwilioApiException.unauthenticated();
        }
    }
}
