package io.switchboard.billing.wallet.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.switchboard.billing.hold.domain.DialerHolds;
import io.switchboard.billing.wallet.domain.TopUpService;
import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Wallet balances and top-ups. A top-up answers once its Kafka transaction has committed. */
@RestController
@RequestMapping(path = "/api/wallets", produces = MediaType.APPLICATION_JSON_VALUE)
class WalletController {

    static final String ACCOUNT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Wallets wallets;
    private final TopUpService topUps;
    private final DialerHolds holds;

    WalletController(Wallets wallets, TopUpService topUps, DialerHolds holds) {
        this.wallets = wallets;
        this.topUps = topUps;
        this.holds = holds;
    }

    /**
     * Only the token's own account: a top-up for any other is answered as if the wallet did not exist, once
     * the refusal is audited.
     */
    @PostMapping(path = "/{accountId}/top-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<WalletResponse> topUp(
            @PathVariable @Pattern(regexp = ACCOUNT_ID) String accountId,
            @Valid @RequestBody TopUpRequest request,
            Caller caller) {
        // The top-up waits for a Kafka commit and a lock, a refusal for its audit entry: never on the event loop.
        return Mono.fromCallable(() -> {
                    if (!caller.actsFor(accountId)) {
                        topUps.recordDenied(caller, accountId);
                        throw noWallet(accountId);
                    }
                    return topUps.topUp(request.toTopUp(accountId), caller);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(this::response);
    }

    @GetMapping("/{accountId}")
    Mono<WalletResponse> wallet(@PathVariable @Pattern(regexp = ACCOUNT_ID) String accountId, Caller caller) {
        return Mono.justOrEmpty(wallets.find(accountId))
                .filter(wallet -> caller.mayRead(accountId))
                .map(this::response)
                .switchIfEmpty(Mono.error(() -> noWallet(accountId)));
    }

    private WalletResponse response(Wallet wallet) {
        return WalletResponse.of(wallet, holds.held(wallet.accountId(), wallet.version()));
    }

    /** The same answer whether the wallet is missing or another account's: never a hint that it exists. */
    private static ResponseStatusException noWallet(String accountId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "account " + accountId + " has no wallet");
    }
}
