package io.switchboard.calllog.call.config;

import java.time.Duration;

import io.switchboard.events.config.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the call log talks to MongoDB ({@code switchboard.call-log.*}).
 *
 * @param collection   the collection holding one document per call (default {@code calls})
 * @param writeTimeout how long a Kafka listener waits for one MongoDB write before the record counts as
 *                     failed and is retried while its partition waits (default 10s)
 * @param healthTimeout how long the readiness check waits for MongoDB to answer a ping before it
 *                     reports the service not ready (default 3s)
 * @param auditCollection the collection holding one document per audit entry (default {@code audit})
 * @param auditRetention how long an audit entry is kept in MongoDB after it happened (its {@code occurredAt}):
 *                       the expiry of the collection's TTL index (default 400 days, as long as
 *                       {@code switchboard.audit.v1} keeps it). Whole seconds, at most
 *                       {@value #MAX_AUDIT_RETENTION_SECONDS} (MongoDB's limit)
 * @param requestCollection the collection holding one document per call request of an account, with the outcomes
 *                          heard for it (default {@code call_requests})
 */
@ConfigurationProperties("switchboard.call-log")
public record CallLogProperties(
        @DefaultValue("calls") String collection,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("3s") Duration healthTimeout,
        @DefaultValue("audit") String auditCollection,
        @DefaultValue("400d") Duration auditRetention,
        @DefaultValue("call_requests") String requestCollection) {

    /** The longest expiry a MongoDB TTL index takes ({@code expireAfterSeconds} is a 32-bit integer). */
    public static final long MAX_AUDIT_RETENTION_SECONDS = Integer.MAX_VALUE;

    public CallLogProperties {
        Settings.require(collection, "switchboard.call-log.collection");
        Settings.requirePositive(writeTimeout, "switchboard.call-log.write-timeout");
        Settings.requirePositive(healthTimeout, "switchboard.call-log.health-timeout");
        Settings.require(auditCollection, "switchboard.call-log.audit-collection");
        Settings.require(requestCollection, "switchboard.call-log.request-collection");
        Settings.requirePositive(auditRetention, "switchboard.call-log.audit-retention");
        if (auditRetention.toSeconds() < 1 || auditRetention.toSeconds() > MAX_AUDIT_RETENTION_SECONDS) {
            throw new IllegalArgumentException("switchboard.call-log.audit-retention must be from 1s to "
                    + MAX_AUDIT_RETENTION_SECONDS + "s (a MongoDB TTL index's limit), not " + auditRetention);
        }
    }
}
