package io.switchboard.simulator.call.web;

import io.switchboard.simulator.account.AccountAuthenticator;
import io.switchboard.simulator.call.progress.CallPacing;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** An account's calls-per-second, read or changed at runtime, as Twilio support raises it for an account. */
@RestController
@RequestMapping("/simulator/accounts/{accountSid}/cps")
class SimulatorAccountsController {

    /** The account's CPS and how many of its calls wait in the queue now. */
    record Cps(Integer callsPerSecond, Integer queued) {}

    private final AccountAuthenticator accounts;
    private final CallPacing pacing;

    SimulatorAccountsController(AccountAuthenticator accounts, CallPacing pacing) {
        this.accounts = accounts;
        this.pacing = pacing;
    }

    @GetMapping
    Cps get(@PathVariable String accountSid) {
        configured(accountSid);
        return new Cps(pacing.callsPerSecond(accountSid), pacing.waiting(accountSid));
    }

    @PutMapping
    Cps put(@PathVariable String accountSid, @RequestBody Cps cps) {
        configured(accountSid);
        if (cps.callsPerSecond() == null || cps.callsPerSecond() < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "callsPerSecond must be at least 1");
        }
        pacing.callsPerSecond(accountSid, cps.callsPerSecond());
        return get(accountSid);
    }

    private void configured(String accountSid) {
        if (accounts.tokenFor(accountSid).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + accountSid);
        }
    }
}
