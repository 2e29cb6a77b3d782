package io.switchboard.testsupport;

/**
 * One MongoDB for a whole test run: the embedded MongoDB-wire server in memory, or a MongoDB
 * container ({@link TestInfrastructure}). Tests keep apart by database name.
 */
public final class SharedMongo {

    private static MongoWireServer embedded;

    private SharedMongo() {}

    /** Without a database name: append {@code /<database>} and any options. */
    public static synchronized String connectionString() {
        if (TestInfrastructure.selected() == TestInfrastructure.CONTAINERS) {
            return ContainerInfrastructure.mongoConnectionString();
        }
        if (embedded == null) {
            embedded = MongoWireServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded.connectionString();
    }
}
