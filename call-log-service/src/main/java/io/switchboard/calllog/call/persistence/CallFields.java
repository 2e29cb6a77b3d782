package io.switchboard.calllog.call.persistence;

/**
 * Field names of a call document. The document's {@code _id} is the call's key in its canonical form,
 * {@code provider:accountId:providerCallId} ({@link io.switchboard.events.call.CallKey}); its parts are
 * fields too, so that one account's call can be found by the provider's call id.
 */
final class CallFields {

    static final String ID = "_id";
    static final String PROVIDER = "provider";
    static final String ACCOUNT_ID = "accountId";
    /** The provider's call id (Twilio's CallSid), as the API shows it. */
    static final String CALL_ID = "callId";

    static final String DIRECTION = "direction";
    static final String FROM = "from";
    static final String TO = "to";
    static final String ASSISTANT_ID = "assistantId";
    static final String REQUEST_ID = "requestId";
    /**
     * The request's metadata as a list of {@code {key, value}} documents, not one document keyed by the
     * publisher's keys: those are any strings, and a key with a dot or a leading {@code $} is refused as a
     * field name by some MongoDB versions, which would hold the listener's partition for good.
     */
    static final String METADATA = "metadata";

    static final String STATUS = "status";
    static final String TIMELINE = "timeline";
    static final String DURATION_SECONDS = "durationSeconds";
    /** Who answered, from the call's state (the provider's answering machine detection). */
    static final String ANSWERED_BY = "answeredBy";

    static final String STARTED_AT = "startedAt";
    static final String ENDED_AT = "endedAt";
    static final String RECORDING = "recording";
    static final String COST = "cost";
    static final String UPDATED_AT = "updatedAt";

    static final String AT = "at";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String RECORDING_ID = "recordingId";
    static final String URL = "url";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String BILLED_MINUTES = "billedMinutes";
    static final String PRICE_PER_MINUTE = "pricePerMinute";
    static final String KEY = "key";
    static final String VALUE = "value";

    private CallFields() {}
}
