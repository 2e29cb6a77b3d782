package io.switchboard.ingress.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTests {

    @Test
    void whenObjectThenMembersAreFieldsAsText() {
        var fields = JsonBody.parse(bytes("{\"CallSid\":\"CA1\",\"CallDuration\":42,\"Answered\":true,"
                + "\"Nested\":{\"a\":1},\"Gone\":null}"));

        assertThat(fields).containsEntry("CallSid", List.of("CA1"))
                .containsEntry("CallDuration", List.of("42"))
                .containsEntry("Answered", List.of("true"))
                .containsEntry("Nested", List.of("{\"a\":1}"))
                .doesNotContainKey("Gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "{\"a\":1", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "nope"})
    void whenNotExactlyOneUnambiguousObjectThenBadWebhook(String body) {
        assertThatThrownBy(() -> JsonBody.parse(bytes(body))).isInstanceOf(BadWebhookException.class);
    }

    @Test
    void whenBytesAreNotUtf8ThenBadWebhook() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};

        assertThatThrownBy(() -> JsonBody.parse(body)).isInstanceOf(BadWebhookException.class);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
