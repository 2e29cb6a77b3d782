package io.switchboard.calllog.audit.web;

import io.switchboard.calllog.audit.domain.AuditLog;
import io.switchboard.calllog.audit.domain.AuditPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail for platform operators ({@code operator} scope only, {@code CallLogAccess}): who changed
 * accounts, credentials, numbers and wallets, and who read personal data, filtered by account, action and
 * time, newest first.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Parameters arrive as text so that a bad one is answered with its name, not a generic binding error. */
    @GetMapping
    Mono<AuditPage> search(
            @RequestParam(name = "accountId", required = false) String accountId,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size) {
        return Mono.fromCallable(() -> AuditQueryParameters.parse(accountId, action, from, to, page, size))
                .flatMap(audit::search);
    }
}
