package io.switchboard.dialer.donotcall.web;

import java.time.Instant;

import io.switchboard.dialer.donotcall.domain.DoNotCallEntry;

/** A number on an account's do-not-call list. */
record DoNotCallResponse(String accountId, String number, String reason, Instant listedAt, String listedBy) {

    static DoNotCallResponse of(DoNotCallEntry entry) {
        return new DoNotCallResponse(
                entry.accountId(), entry.number(), entry.reason(), entry.listedAt(), entry.listedBy());
    }
}
