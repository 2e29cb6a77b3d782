package io.switchboard.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps asyncapi.yaml true to the catalogue and the event types in the code. */
class AsyncApiDocumentTests {

    private final String text = new String(EventSchemas.bytes("asyncapi.yaml"), StandardCharsets.UTF_8);
    private final Map<String, Object> document = new Yaml().load(text);

    @Test
    void whenReadThenItIsAsyncApi3() {
        assertThat(document).containsEntry("asyncapi", "3.0.0");
    }

    @Test
    void whenReadThenEveryTopicAndEventTypeIsMentioned() {
        assertThat(Topic.values()).allSatisfy(topic -> assertThat(text).contains(topic.topicName()));
        assertThat(EventTypes.all()).allSatisfy(type -> assertThat(text).contains(type.token()));
    }

    @Test
    void whenReadThenEachTopicHasAChannelWithTheCataloguesPartitionsCleanupAndRetention() {
        for (Topic topic : Topic.values()) {
            Map<String, Object> kafka = map(map(channel(topic.topicName()), "bindings"), "kafka");
            Map<String, Object> configs = map(kafka, "topicConfiguration");
            Map<String, String> catalogue = topic.newTopic((short) 1).configs();

            assertThat(kafka.get("partitions")).as(topic.topicName()).isEqualTo(topic.partitions());
            assertThat(configs.get("cleanup.policy"))
                    .as(topic.topicName())
                    .isEqualTo(List.of(
                            catalogue.get(TopicConfig.CLEANUP_POLICY_CONFIG).split(",")));
            assertThat(String.valueOf(configs.get("retention.ms")))
                    .as(topic.topicName())
                    .isEqualTo(catalogue.get(TopicConfig.RETENTION_MS_CONFIG));
        }
    }

    @Test
    void whenReadThenEveryEventTypeHasAMessageWithItsTypeTokenAndSchema() {
        Map<String, Object> messages = map(map(document, "components"), "messages");
        List<String> payloads = new ArrayList<>();
        for (Object message : messages.values()) {
            payloads.add(String.valueOf(map(asMap(message), "payload").get("$ref")));
        }
        for (EventType<?> type : EventTypes.all()) {
            assertThat(payloads).as(type.token()).contains(type.schemaResource());
            assertThat(text).contains("const: " + type.token());
        }
        assertThat(payloads).contains(CallRequest.SCHEMA_RESOURCE);
        payloads.stream()
                .filter(ref -> !"null".equals(ref))
                .forEach(ref -> assertThat(EventSchemas.bytes(ref)).as(ref).isNotEmpty());
    }

    @Test
    void whenReadThenDeadLettersCoverEveryTopic() {
        Map<String, Object> deadLetters = map(map(document, "channels"), "deadLetters");
        Object topics = map(map(deadLetters, "parameters"), "topic").get("enum");

        assertThat(deadLetters.get("address")).isEqualTo("{topic}" + Topic.DEAD_LETTER_SUFFIX);
        assertThat(asList(topics))
                .containsExactlyInAnyOrder(
                        Arrays.stream(Topic.values()).map(Topic::topicName).toArray());
    }

    private Map<String, Object> channel(String address) {
        return map(document, "channels").values().stream()
                .map(AsyncApiDocumentTests::asMap)
                .filter(channel -> address.equals(channel.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has %s", key).containsKey(key);
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object node) {
        return (List<Object>) node;
    }
}
