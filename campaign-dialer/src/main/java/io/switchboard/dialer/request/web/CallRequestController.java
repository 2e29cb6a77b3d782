package io.switchboard.dialer.request.web;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.dialer.placement.messaging.RequestOutcomes;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Call requests over HTTP, for internal systems that do not publish to Kafka: the same JSON as on a
 * call-request topic, validated the same way, for the token's own account. An accepted request is passed on
 * exactly as the Kafka intake passes one on (to {@code dialer-requests.v1}, keyed by account) and answered 202
 * once that is committed; what became of it is at {@code Location} (the call log's
 * {@code GET /api/call-requests/{requestId}}) and on {@code call-outcomes.v1}. Sending the same request id
 * again is safe: it is answered 202 again and dialed at most once.
 *
 * <p>{@code DELETE /api/call-requests/{requestId}} cancels one of the account's requests: a scheduled one (or a
 * whole recurring series) at once, a queued one unless its dialing has begun; what it changed is on
 * {@code call-outcomes.v1} (a rejection naming who cancelled it). Answered 202 once the cancellation is committed.
 */
@RestController
@RequestMapping(path = "/api/call-requests", produces = MediaType.APPLICATION_JSON_VALUE)
class CallRequestController {

    /** How a request that came over HTTP names its publisher in {@code CallRequestReceived}. */
    static final String PUBLISHER = "http";

    /** As call-request.v1 has it. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CallRequestValidator validator;
    private final DialerEventPublisher publisher;
    private final RequestOutcomes outcomes;
    private final URI statusBaseUrl;
    private final Clock clock;

    CallRequestController(
            CallRequestValidator validator,
            DialerEventPublisher publisher,
            RequestOutcomes outcomes,
            CallRequestApiProperties properties,
            Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.statusBaseUrl = properties.requestStatusBaseUrl();
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CallRequestAccepted>> submit(@RequestBody byte[] body, Caller caller) {
        CallRequest request = switch (validator.validate(body)) {
            case Validation.Valid valid -> valid.request();
            case Validation.Invalid invalid -> {
                outcomes.rejected();
                throw new InvalidCallRequestException(invalid.field(), invalid.reason());
            }
        };
        if (!caller.actsFor(request.accountId())) {
            // The same answer as for an account that does not exist: never a hint that it does.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "account " + request.accountId() + " not found");
        }
        var received = new CallRequestReceived(request, PUBLISHER, clock.instant());
        URI status = statusBaseUrl.resolve("/api/call-requests/" + request.requestId());
        // Waits for the Kafka commit: never on the event loop.
        return Mono.fromRunnable(() -> publisher.receivedInOwnTransaction(received))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromCallable(() -> ResponseEntity.accepted()
                        .location(status)
                        .body(new CallRequestAccepted(request.requestId(), request.accountId(), "received", status))));
    }

    @DeleteMapping("/{requestId}")
    Mono<ResponseEntity<CallRequestAccepted>> cancel(@PathVariable String requestId, Caller caller) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidCallRequestException(
                    "requestId", "requestId: must be 1 to 128 of the characters A-Z a-z 0-9 . _ : -");
        }
        if (caller.accountId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "call request " + requestId + " not found");
        }
        var cancelled = new CallRequestCancelled(requestId, caller.accountId(), clock.instant(), caller.subject());
        URI status = statusBaseUrl.resolve("/api/call-requests/" + requestId);
        return Mono.fromRunnable(() -> publisher.cancelledInOwnTransaction(cancelled))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromCallable(() -> ResponseEntity.accepted()
                        .location(status)
                        .body(new CallRequestAccepted(requestId, caller.accountId(), "cancelling", status))));
    }
}
