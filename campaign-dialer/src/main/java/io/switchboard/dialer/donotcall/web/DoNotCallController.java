package io.switchboard.dialer.donotcall.web;

import java.time.Clock;
import java.time.Instant;
import jakarta.validation.constraints.Pattern;

import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.donotcall.domain.DoNotCallEntry;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.dialer.donotcall.messaging.DoNotCallPublisher;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An account's do-not-call list, one number at a time: put a number on it, take it off, ask whether it is
 * on it. A change answers once it is committed to do-not-call.v1; from then on no dialer instance places a
 * call to the number for the account (each catches up with the topic before it places a call).
 */
@RestController
@RequestMapping(path = "/api/do-not-call", produces = MediaType.APPLICATION_JSON_VALUE)
class DoNotCallController {

    static final String ACCOUNT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final DoNotCallList list;
    private final DoNotCallPublisher publisher;
    private final Clock clock;

    DoNotCallController(DoNotCallList list, DoNotCallPublisher publisher, Clock clock) {
        this.list = list;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Idempotent: listing a listed number again records the new reason and time. */
    @PutMapping(path = "/{accountId}/{number}")
    Mono<DoNotCallResponse> put(
            @PathVariable @Pattern(regexp = ACCOUNT_ID) String accountId,
            @PathVariable String number,
            @RequestBody(required = false) ListingRequest listing,
            Caller caller) {
        String normalized = normalized(number);
        requireActsFor(caller, accountId);
        String reason = listing == null ? null : listing.reason();
        if (reason != null && reason.length() > ListingRequest.MAX_REASON) {
            throw new InvalidListingException(
                    "reason", "reason must be at most " + ListingRequest.MAX_REASON + " characters");
        }
        var change = new DoNotCallChanged(accountId, normalized, true, reason, clock.instant(), caller.subject());
        return Mono.fromRunnable(() -> publisher.publish(change))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromCallable(() -> DoNotCallResponse.of(
                        new DoNotCallEntry(accountId, normalized, reason, change.changedAt(), caller.subject()))));
    }

    /** Idempotent: taking off a number that is not listed answers 204 as well. */
    @DeleteMapping(path = "/{accountId}/{number}")
    Mono<ResponseEntity<Void>> delete(
            @PathVariable @Pattern(regexp = ACCOUNT_ID) String accountId, @PathVariable String number, Caller caller) {
        String normalized = normalized(number);
        requireActsFor(caller, accountId);
        Instant now = clock.instant();
        var change = new DoNotCallChanged(accountId, normalized, false, null, now, caller.subject());
        return Mono.fromRunnable(() -> publisher.publish(change))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** 404 when the number is not on the list, and for another account's list (never a hint that it exists). */
    @GetMapping(path = "/{accountId}/{number}")
    Mono<DoNotCallResponse> get(
            @PathVariable @Pattern(regexp = ACCOUNT_ID) String accountId, @PathVariable String number, Caller caller) {
        String normalized = normalized(number);
        if (!caller.mayRead(accountId)) {
            return Mono.error(notListed(accountId, normalized));
        }
        // Catching up with the topic waits on the follower: never on the event loop.
        return Mono.fromCallable(() -> list.find(accountId, normalized))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .map(DoNotCallResponse::of)
                .switchIfEmpty(Mono.error(() -> notListed(accountId, normalized)));
    }

    private static String normalized(String number) {
        return PhoneNumbers.normalized(number)
                .orElseThrow(() -> new InvalidListingException(
                        "number", "number must be a valid phone number in E.164, e.g. +14155550123"));
    }

    private static void requireActsFor(Caller caller, String accountId) {
        if (!caller.actsFor(accountId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "account " + accountId + " not found");
        }
    }

    private static ResponseStatusException notListed(String accountId, String number) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, number + " is not on the do-not-call list of account " + accountId);
    }
}
