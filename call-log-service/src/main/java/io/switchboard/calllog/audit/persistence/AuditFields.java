package io.switchboard.calllog.audit.persistence;

/** Field names of an audit document; its {@code _id} is the {@code AuditRecorded} event's id. */
final class AuditFields {

    static final String ID = "_id";
    static final String ACTION = "action";
    static final String OUTCOME = "outcome";
    static final String SUBJECT = "subject";
    static final String ACTOR_ACCOUNT_ID = "actorAccountId";
    static final String ACCOUNT_ID = "accountId";
    static final String RESOURCE = "resource";
    static final String PARTS = "parts";
    static final String CHANGES = "changes";
    static final String RECORDS = "records";
    static final String OCCURRED_AT = "occurredAt";
    static final String SOURCE = "source";

    private AuditFields() {}
}
