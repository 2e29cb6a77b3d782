package io.switchboard.calllog.request.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call requests collection ({@code switchboard.call-log.request-collection}) in the call log's database. */
@Configuration(proxyBeanMethods = false)
class CallRequestMongoConfig {

    @Bean
    CallRequestCollection callRequestCollection(
            MongoClient client, MongoProperties mongo, CallLogProperties properties) {
        return new CallRequestCollection(
                client.getDatabase(mongo.getMongoClientDatabase()).getCollection(properties.requestCollection()));
    }
}
