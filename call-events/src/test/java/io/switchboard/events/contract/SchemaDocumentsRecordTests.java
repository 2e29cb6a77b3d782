package io.switchboard.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each schema in step with its record: the same property names at every level, each one
 * described, enums listing exactly the wire values, primitives required. A field added to a record
 * without its schema fails here.
 */
class SchemaDocumentsRecordTests {

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.all().stream().map(type -> Named.of(type.token(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void whenComparedWithItsRecordThenTheSchemaDescribesEveryComponent(EventType<?> type) {
        JsonNode root = EventSchemas.schemaTree(type.schemaResource());

        assertDescribes(root, root, type.payloadType(), type.payloadType().getSimpleName());
    }

    private static void assertDescribes(JsonNode root, JsonNode schema, Class<?> record, String path) {
        JsonNode properties = schema.path("properties");
        List<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(properties.propertyNames())
                .as("properties of %s", path)
                .containsExactlyInAnyOrderElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            String at = path + "." + component.getName();
            JsonNode property = properties.get(component.getName());
            assertThat(property.path("description").asString())
                    .as("description of %s", at)
                    .isNotBlank();
            if (component.getType().isPrimitive()) {
                assertThat(names(schema.path("required")))
                        .as("required of %s", path)
                        .contains(component.getName());
            }
            assertComponent(root, resolve(root, property), component.getGenericType(), at);
        }
    }

    private static void assertComponent(JsonNode root, JsonNode property, Type type, String at) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(property.path("type").asString()).as("type of %s", at).isEqualTo("array");
            assertComponent(root, resolve(root, property.path("items")), list.getActualTypeArguments()[0], at + "[]");
        } else if (type instanceof Class<?> record && record.isRecord()) {
            assertDescribes(root, property, record, at);
        } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
            assertThat(enumValues(root, property)).as("enum of %s", at).isEqualTo(wireValues(enumType));
        }
    }

    /** Follows a local {@code $ref}, or the non-null branch of {@code anyOf: [{$ref}, {type: null}]}. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        if (node.has("anyOf")) {
            for (JsonNode branch : node.get("anyOf")) {
                if (!"null".equals(branch.path("type").asString())) {
                    return resolve(root, branch);
                }
            }
        }
        String ref = node.path("$ref").asString();
        return ref.isEmpty() ? node : resolve(root, root.at(ref.substring(1)));
    }

    private static Set<String> enumValues(JsonNode root, JsonNode property) {
        Set<String> values = new HashSet<>();
        for (JsonNode value : resolve(root, property).path("enum")) {
            if (!value.isNull()) {
                values.add(value.asString());
            }
        }
        return values;
    }

    private static Set<String> wireValues(Class<?> enumType) {
        Set<String> values = new HashSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            values.add(EventJson.mapper().valueToTree(constant).asString());
        }
        return values;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }
}
