package io.switchboard.calllog.request.web;

import java.util.regex.Pattern;

import io.switchboard.calllog.request.domain.CallRequestLog;
import io.switchboard.calllog.request.domain.CallRequestRecord;
import io.switchboard.calllog.web.InvalidParameterException;
import io.switchboard.events.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What became of one call request, for an account's analysts (and the systems that publish its requests): its
 * state, the call it was placed as and how that call ended, and every outcome heard. A tenant reads its own
 * account's requests only, the account taken from its token; an operator names the account with
 * {@code accountId}. A request of another account is answered 404, exactly as one that does not exist. Nothing
 * here is personal data (no numbers, no metadata), so reads are not audited.
 */
@RestController
@RequestMapping("/api/call-requests")
class CallRequestController {

    /** What call-request.v1's schema allows as a request id and an account id. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final CallRequestLog requests;

    CallRequestController(CallRequestLog requests) {
        this.requests = requests;
    }

    @GetMapping("/{requestId}")
    Mono<CallRequestRecord> find(
            @PathVariable("requestId") String requestId,
            @RequestParam(name = "accountId", required = false) String accountId,
            Caller caller) {
        return Mono.fromCallable(() -> account(requestId, accountId, caller))
                .flatMap(account -> requests.find(account, requestId))
                .switchIfEmpty(Mono.error(() -> new CallRequestNotFoundException(requestId)));
    }

    /**
     * The account to look in: the token's, or for an operator the one it names. Empty (so 404) for a tenant naming
     * another account, which is answered as if the request did not exist.
     */
    private static String account(String requestId, String accountId, Caller caller) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidParameterException(
                    "requestId", "requestId must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new InvalidParameterException(
                    "accountId", "accountId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (accountId == null) {
            if (caller.accountId() == null) {
                throw new InvalidParameterException("accountId", "accountId is required with a token of no account");
            }
            return caller.accountId();
        }
        return caller.mayRead(accountId) ? accountId : null;
    }
}
