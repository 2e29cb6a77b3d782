package io.switchboard.ingress.webhook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON webhook body as fields: it must be one object; each member becomes a field (scalars
 * as their text, objects and arrays as their JSON, nulls left out). A member given twice, trailing
 * content, or bytes that are not UTF-8 are bad input (400): an ambiguous body is not guessed at.
 */
final class JsonBody {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {}

    static Map<String, List<String>> parse(byte[] body) {
        StrictUtf8.check(body, "JSON body");
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new BadWebhookException("JSON body cannot be parsed");
        }
        if (root == null || !root.isObject()) {
            throw new BadWebhookException("JSON body must be an object");
        }
        var fields = new LinkedHashMap<String, List<String>>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            JsonNode value = member.getValue();
            if (!value.isNull()) {
                fields.put(member.getKey(), List.of(value.isValueNode() ? value.asString() : value.toString()));
            }
        }
        return fields;
    }
}
