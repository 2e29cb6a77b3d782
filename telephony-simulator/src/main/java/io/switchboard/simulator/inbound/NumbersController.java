package io.switchboard.simulator.inbound;

import java.util.List;
import jakarta.validation.Valid;

import io.switchboard.simulator.account.AccountAuthenticator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Registers the numbers that inbound calls can ring. */
@RestController
@RequestMapping("/simulator/numbers")
class NumbersController {

    private final NumberRegistry numbers;
    private final AccountAuthenticator accounts;

    NumbersController(NumberRegistry numbers, AccountAuthenticator accounts) {
        this.numbers = numbers;
        this.accounts = accounts;
    }

    /** The account must be configured: its token is what signs the number's webhooks. */
    @PutMapping("/{number}")
    IncomingNumber register(@PathVariable String number, @Valid @RequestBody NumberRegistration registration) {
        if (accounts.tokenFor(registration.accountSid()).isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "account " + registration.accountSid() + " is not configured");
        }
        IncomingNumber incoming = new IncomingNumber(
                number, registration.accountSid(), registration.voiceUrl(), registration.statusCallback());
        numbers.register(incoming);
        return incoming;
    }

    @GetMapping
    List<IncomingNumber> all() {
        return numbers.all();
    }
}
