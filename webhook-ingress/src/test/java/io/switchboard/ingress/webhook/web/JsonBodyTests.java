package io.switchboard.ingress.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTests {

    @Test
    void whenObjectThenMembersAreFieldsAsText() {
        var fields = JsonBody.parse(bytes(
                "{\"CallSid\":\"CA1\",\"CallDuration\":42,\"Answered\":true," + "\"Nested\":{\"a\":1},\"Gone\":null}"));

        assertThat(fields)
                .containsEntry("CallSid", List.of("CA1"))
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

    /** Not UTF-8: a byte that never occurs, an overlong '/', a surrogate, a code point above U+10FFFF. */
    @ParameterizedTest
    @ValueSource(strings = {"FF", "C0AF", "EDA080", "F4908080"})
    void whenBytesAreNotUtf8ThenBadWebhook(String invalid) {
        byte[] body = bytesAround("{\"a\":\"x", invalid, "y\"}");

        assertThatThrownBy(() -> JsonBody.parse(body))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("JSON body is not valid UTF-8");
    }

    private static byte[] bytesAround(String before, String hex, String after) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(bytes(before));
        body.writeBytes(HexFormat.of().parseHex(hex));
        body.writeBytes(bytes(after));
        return body.toByteArray();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
