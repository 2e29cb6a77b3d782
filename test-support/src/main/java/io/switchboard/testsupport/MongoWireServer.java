package io.switchboard.testsupport;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An embedded MongoDB-wire-compatible server (mongo-java-server) on a loopback port. */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        server.bind("127.0.0.1", port);
        this.connectionString =
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** In memory: for tests. */
    public static MongoWireServer inMemory() {
        return new MongoWireServer(new MongoServer(new MemoryBackend()), 0);
    }

    /** Kept in an H2 file: for the local stack, whose call log survives a restart. */
    public static MongoWireServer persistent(Path file, int port) {
        return new MongoWireServer(new MongoServer(new H2Backend(file.toString())), port);
    }

    /** The port it listens on, so a restarted server can take it again. */
    public int port() {
        return server.getLocalAddress().getPort();
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
