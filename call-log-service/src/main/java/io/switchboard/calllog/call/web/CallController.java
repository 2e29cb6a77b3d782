package io.switchboard.calllog.call.web;

import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The analysts' read API over the call log. */
@RestController
@RequestMapping("/api/calls")
class CallController {

    private final CallLogReader calls;

    CallController(CallLogReader calls) {
        this.calls = calls;
    }

    /** Parameters arrive as text so that a bad one is answered with its name, not a generic binding error. */
    @GetMapping
    Mono<CallPage> search(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "accountId", required = false) String accountId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size) {
        return Mono.fromCallable(() -> CallQueryParameters.parse(status, accountId, from, to, page, size))
                .flatMap(calls::search);
    }

    @GetMapping("/{callId}")
    Mono<CallRecord> find(@PathVariable("callId") String callId) {
        return calls.findById(callId).switchIfEmpty(Mono.error(() -> new CallNotFoundException(callId)));
    }
}
