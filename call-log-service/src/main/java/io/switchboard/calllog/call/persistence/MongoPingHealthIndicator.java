package io.switchboard.calllog.call.persistence;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * MongoDB connectivity for the readiness group, as health component {@code mongo}. It replaces Boot's
 * reactive Mongo indicator (which backs off for a bean of this name) because that one sends
 * {@code hello}, which the embedded MongoDB-wire server of tests and the local stack does not know;
 * {@code ping} is answered by both that server and real MongoDB. The timeout keeps a probe from
 * hanging for the driver's 30 s server selection while MongoDB is away.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoClient client;
    private final String database;
    private final Duration timeout;

    MongoPingHealthIndicator(MongoClient client, MongoProperties mongo, CallLogProperties properties) {
        super("MongoDB ping failed");
        this.client = client;
        this.database = mongo.getMongoClientDatabase();
        this.timeout = properties.healthTimeout();
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(client.getDatabase(database).runCommand(PING))
                .timeout(timeout)
                .map(answer -> builder.up().withDetail("database", database).build());
    }
}
