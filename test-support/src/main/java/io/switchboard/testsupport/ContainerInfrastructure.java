package io.switchboard.testsupport;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and MongoDB as containers, one of each per test JVM, started on first use and stopped by
 * Testcontainers when the JVM exits. The Kafka image is the release of the clients (and of the
 * broker the embedded tests run), so both choices test against the same Kafka.
 */
final class ContainerInfrastructure {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion());
    static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerInfrastructure() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA_IMAGE);
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    static synchronized String mongoConnectionString() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            mongo.start();
        }
        return mongo.getConnectionString();
    }
}
