package io.switchboard.orchestrator.account.web;

import io.switchboard.orchestrator.account.domain.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    /** Answers once accounts.v1 has committed the configuration; the Kafka transaction blocks: off the event loop. */
    @PutMapping(path = "/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccountView> configure(@PathVariable String accountId, @RequestBody AccountBody body) {
        return Mono.fromCallable(() -> accounts.configure(
                        accountId, body.name(), body.numbers(), body.assistants(), body.credentialChanges()))
                .map(AccountView::of)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{accountId}")
    Mono<AccountView> find(@PathVariable String accountId) {
        return Mono.justOrEmpty(accounts.find(accountId).map(AccountView::of))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account")));
    }
}
