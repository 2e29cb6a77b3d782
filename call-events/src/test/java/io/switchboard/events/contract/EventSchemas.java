package io.switchboard.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.switchboard.events.envelope.EventJson;
import tools.jackson.databind.JsonNode;

/** Loads the contract's JSON Schemas and golden fixtures from the classpath. */
final class EventSchemas {

    // Draft 2020-12 only annotates "format"; we assert it so a date-time that is not ISO-8601 fails.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {}

    static Schema schema(String resource) {
        assertThat(resource(resource))
                .as("JSON Schema %s on the classpath", resource)
                .isNotNull();
        return REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource));
    }

    static JsonNode schemaTree(String resource) {
        return tree(bytes(resource));
    }

    static byte[] golden(String name) {
        return bytes("golden/" + name + ".json");
    }

    static JsonNode tree(byte[] json) {
        return EventJson.mapper().readTree(json);
    }

    /** File names in a classpath folder (the build's resource folders are plain directories). */
    static List<String> fileNames(String folder) {
        try (Stream<Path> files = Files.list(Path.of(resource(folder).toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        return EventSchemas.class.getClassLoader().getResource(name);
    }
}
