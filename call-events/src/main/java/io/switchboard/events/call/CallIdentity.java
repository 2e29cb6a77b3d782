package io.switchboard.events.call;

import java.util.Optional;

import io.switchboard.events.refusal.Refusal;

/**
 * Whether a record's claims about its call agree with its payload. The record key is not signed and
 * the subject is signed separately from the data, so a consumer that files an event under its key or
 * subject must first check that both name the call ({@link CallKey}) the payload is about; otherwise
 * the event is refused ({@link Refusal}), never applied. Each topic keys calls its own way:
 * <ul>
 * <li>{@code call-states.v1}: key and subject are the call key's canonical form;</li>
 * <li>{@code provider-events.v1}: key and subject are the provider's call id (ordering only: the
 * payload's account and provider complete the call key);</li>
 * <li>{@code ledger.v1}: the key is the account id, the subject of a {@code CallCharged} the call key.</li>
 * </ul>
 */
public final class CallIdentity {

    private CallIdentity() {}

    /** For a record keyed and subject by the call key ({@code call-states.v1}). */
    public static Optional<Refusal> keyedByCall(String recordKey, String subject, CallKey call) {
        return names(recordKey, call, "record key", Refusal.KEY_MISMATCH)
                .or(() -> names(subject, call, "subject", Refusal.SUBJECT_MISMATCH));
    }

    /** For a record keyed and subject by the provider's call id ({@code provider-events.v1}). */
    public static Optional<Refusal> keyedByProviderCall(String recordKey, String subject, CallKey call) {
        if (!call.providerCallId().equals(recordKey)) {
            return Optional.of(new Refusal(
                    Refusal.KEY_MISMATCH, "record key " + recordKey + " is not the payload's call id of " + call));
        }
        if (!call.providerCallId().equals(subject)) {
            return Optional.of(new Refusal(
                    Refusal.SUBJECT_MISMATCH, "subject " + subject + " is not the payload's call id of " + call));
        }
        return Optional.empty();
    }

    /** For a record keyed by account id and subject by the call key ({@code CallCharged} on {@code ledger.v1}). */
    public static Optional<Refusal> keyedByAccount(String recordKey, String subject, CallKey call) {
        if (!call.accountId().equals(recordKey)) {
            return Optional.of(new Refusal(
                    Refusal.ACCOUNT_MISMATCH,
                    "record key " + recordKey + " is not the account of the payload's call " + call));
        }
        return names(subject, call, "subject", Refusal.SUBJECT_MISMATCH);
    }

    private static Optional<Refusal> names(String claimed, CallKey call, String what, String mismatch) {
        if (call.canonical().equals(claimed)) {
            return Optional.empty();
        }
        Optional<CallKey> named = CallKey.tryParse(claimed);
        if (named.isPresent() && named.get().sameProviderCall(call)) {
            return Optional.of(new Refusal(
                    Refusal.ACCOUNT_MISMATCH,
                    what + " names call " + named.get() + " but the payload is the call of account " + call.accountId()
                            + ", " + call));
        }
        return Optional.of(new Refusal(mismatch, what + " " + claimed + " is not the payload's call " + call));
    }
}
