package io.switchboard.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.networknt.schema.Schema;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type has a schema and a golden fixture, and EventJson writes what the schema describes. */
class EventSchemaGoldenTests {

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.all().stream().map(type -> Named.of(type.token(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void whenGoldenFixtureIsReadAndWrittenThenItIsValidAndUnchanged(EventType<?> type) {
        Schema schema = EventSchemas.schema(type.schemaResource());
        byte[] golden = EventSchemas.golden(type.token());
        assertThat(schema.validate(EventSchemas.tree(golden)))
                .as("golden fixture errors")
                .isEmpty();

        byte[] rewritten = EventJson.write(EventJson.read(golden, type.payloadType()));

        assertThat(EventSchemas.tree(rewritten)).isEqualTo(EventSchemas.tree(golden));
        assertThat(schema.validate(EventSchemas.tree(rewritten)))
                .as("re-serialized errors")
                .isEmpty();
    }

    @Test
    void whenCallRequestGoldenIsReadAndWrittenThenItIsValidAndUnchanged() {
        Schema schema = EventSchemas.schema(CallRequest.SCHEMA_RESOURCE);
        byte[] golden = EventSchemas.golden("call-request.v1");
        assertThat(schema.validate(EventSchemas.tree(golden))).isEmpty();

        byte[] rewritten = EventJson.write(EventJson.read(golden, CallRequest.class));

        assertThat(EventSchemas.tree(rewritten)).isEqualTo(EventSchemas.tree(golden));
        assertThat(schema.validate(EventSchemas.tree(rewritten))).isEmpty();
    }

    @Test
    void whenSchemasAndFixturesAreListedThenEachBelongsToAKnownType() {
        Stream<String> expectedSchemas = Stream.concat(
                EventTypes.all().stream().map(type -> type.schemaResource().substring("schemas/".length())),
                Stream.of(CallRequest.SCHEMA_RESOURCE.substring("schemas/".length())));
        Stream<String> expectedFixtures = Stream.concat(
                EventTypes.all().stream().map(type -> type.token() + ".json"), Stream.of("call-request.v1.json"));

        assertThat(EventSchemas.fileNames("schemas")).containsExactlyInAnyOrderElementsOf(expectedSchemas.toList());
        assertThat(EventSchemas.fileNames("golden")).containsExactlyInAnyOrderElementsOf(expectedFixtures.toList());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void whenSchemaIsReadThenItDeclaresDraft2020AndItsOwnId(EventType<?> type) {
        var schema = EventSchemas.schemaTree(type.schemaResource());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo("https://switchboard.io/" + type.schemaResource());
        assertThat(schema.path("title").asString()).isEqualTo(type.payloadType().getSimpleName());
        assertThat(schema.path("description").asString()).contains(type.token());
    }
}
