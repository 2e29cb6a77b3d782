package io.switchboard.calllog.call.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calls collection on Boot's auto-configured reactive client. The database is Boot's choice too:
 * {@code spring.mongodb.database}, else the one named in {@code spring.mongodb.uri}.
 */
@Configuration(proxyBeanMethods = false)
class CallLogMongoConfig {

    @Bean
    MongoCollection<Document> callsCollection(MongoClient client, MongoProperties mongo, CallLogProperties properties) {
        return client.getDatabase(mongo.getMongoClientDatabase()).getCollection(properties.collection());
    }
}
