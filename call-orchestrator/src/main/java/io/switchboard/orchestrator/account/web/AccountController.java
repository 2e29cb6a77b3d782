package io.switchboard.orchestrator.account.web;

import io.switchboard.events.security.Caller;
import io.switchboard.events.security.Scope;
import io.switchboard.orchestrator.account.domain.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The admin API of accounts, their numbers, assistants and provider credentials (write-only secrets). */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * An operator creates an account; from then on only the account's own administrators change it.
     * Answers once accounts.v1 has committed the configuration with its audit entry; a refused PUT is
     * answered once its audit entry is stored (503 otherwise). Kafka blocks: off the event loop.
     */
    @PutMapping(path = "/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccountView> configure(@PathVariable String accountId, @RequestBody AccountBody body, Caller caller) {
        return Mono.fromCallable(() -> {
                    boolean exists = accounts.find(accountId).isPresent();
                    boolean ownAdmin = caller.actsFor(accountId) && caller.has(Scope.ACCOUNTS_ADMIN);
                    if (exists && !ownAdmin && caller.isOperator()) {
                        accounts.recordDenied(caller, accountId, true);
                        throw new ResponseStatusException(
                                HttpStatus.FORBIDDEN,
                                "an account's own administrators change it; operators create accounts");
                    }
                    if (exists ? !ownAdmin : !caller.isOperator()) {
                        // Audited whether or not the account exists: the answer is the same 404 either way.
                        accounts.recordDenied(caller, accountId, exists);
                        throw noSuchAccount();
                    }
                    return accounts.configure(
                            caller,
                            accountId,
                            body.name(),
                            body.numbers(),
                            body.assistants(),
                            body.credentialChanges());
                })
                .map(AccountView::of)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{accountId}")
    Mono<AccountView> find(@PathVariable String accountId, Caller caller) {
        boolean mayRead = caller.isOperator() || (caller.actsFor(accountId) && caller.has(Scope.ACCOUNTS_ADMIN));
        return Mono.justOrEmpty(
                        accounts.find(accountId).filter(account -> mayRead).map(AccountView::of))
                .switchIfEmpty(Mono.error(AccountController::noSuchAccount));
    }

    /**
     * An operator closes an account (the access rules admit no other scope): 204 once accounts.v1 has
     * committed the signed closing with its audit entry, 404 for an account that does not exist.
     */
    @DeleteMapping("/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> close(@PathVariable String accountId, Caller caller) {
        return Mono.fromCallable(() -> accounts.close(caller, accountId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(closed -> closed ? Mono.<Void>empty() : Mono.error(noSuchAccount()));
    }

    /** The same answer whether the account is missing or another's: never a hint that it exists. */
    private static ResponseStatusException noSuchAccount() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account");
    }
}
