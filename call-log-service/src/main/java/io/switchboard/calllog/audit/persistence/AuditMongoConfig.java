package io.switchboard.calllog.audit.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit collection ({@code switchboard.call-log.audit-collection}) in the call log's database. */
@Configuration(proxyBeanMethods = false)
class AuditMongoConfig {

    @Bean
    AuditCollection auditCollection(MongoClient client, MongoProperties mongo, CallLogProperties properties) {
        return new AuditCollection(
                client.getDatabase(mongo.getMongoClientDatabase()).getCollection(properties.auditCollection()));
    }
}
