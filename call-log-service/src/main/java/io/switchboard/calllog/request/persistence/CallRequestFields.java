package io.switchboard.calllog.request.persistence;

/**
 * Field names of a call request document. Its {@code _id} is {@code accountId:requestId}: an account id holds
 * no colon, so the id is unambiguous, and two accounts' requests with one request id are two documents.
 */
final class CallRequestFields {

    static final String ID = "_id";
    static final String ACCOUNT_ID = "accountId";
    static final String REQUEST_ID = "requestId";
    static final String OUTCOMES = "outcomes";
    static final String UPDATED_AT = "updatedAt";

    /** Of each entry of {@link #OUTCOMES}. */
    static final String OUTCOME = "outcome";

    static final String AT = "at";
    static final String REASON = "reason";
    static final String FIELD = "field";
    static final String CALL_ID = "callId";
    static final String FINAL_STATUS = "finalStatus";
    static final String DURATION_SECONDS = "durationSeconds";
    static final String DUE_AT = "dueAt";

    private CallRequestFields() {}

    static String id(String accountId, String requestId) {
        return accountId + ":" + requestId;
    }
}
