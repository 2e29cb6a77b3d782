package io.switchboard.events.account;

import java.time.Instant;

/**
 * An account was closed: readers forget its numbers, assistants and credentials. It is the account's
 * latest record on the compacted {@code accounts.v1}, and stays there (no tombstone follows it), so that
 * every reader, however late it starts, learns the revision it was closed at and refuses an older
 * {@link AccountConfigured} re-produced later ({@code stale-snapshot}).
 *
 * @param revision one more than the account's last configuration: a configuration of the same account
 *                 counts as newer only with a higher revision (the account opened again)
 */
public record AccountClosed(String accountId, Instant closedAt, long revision) {}
