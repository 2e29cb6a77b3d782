package io.switchboard.ingress.provider.vapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;

class VapiMessageTests {

    @Test
    void whenEndOfCallReportIsReadThenItsFieldsAreThere() {
        VapiMessage message = VapiMessage.read(VapiMessages.endOfCallReport("call-1"));

        assertThat(message.type()).isEqualTo("end-of-call-report");
        assertThat(message.callId()).isEqualTo("call-1");
        assertThat(message.timestamp()).isEqualTo(Instant.ofEpochMilli(1723595234775L));
        assertThat(message.decimal("cost")).isEqualTo(new BigDecimal("0.1283"));
        assertThat(message.instant("startedAt")).isEqualTo(Instant.parse("2024-08-14T00:25:00.503Z"));
        assertThat(message.text("analysis", "summary")).startsWith("The caller asked");
        assertThat(message.text("call", "missing", "deeper")).isNull();
    }

    @Test
    void whenBodyIsNotJsonOrHasNoMessageOrTypeThenBadWebhook() {
        for (String body : new String[] {
            "",
            "not json",
            "[]",
            "{}",
            "{\"message\":\"x\"}",
            "{\"message\":{}}",
            "{\"message\":{\"type\":7}}",
            "{\"message\":{\"type\":\"hang\"}} trailing"
        }) {
            assertThatThrownBy(() -> VapiMessage.read(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(BadWebhookException.class);
        }
    }

    @Test
    void whenAKeyIsDuplicatedThenBadWebhook() {
        byte[] body = "{\"message\":{\"type\":\"hang\",\"type\":\"status-update\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> VapiMessage.read(body)).isInstanceOf(BadWebhookException.class);
    }

    @Test
    void whenBodyIsInvalidUtf8ThenBadWebhook() {
        byte[] body = {'{', '"', 'm', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

        assertThatThrownBy(() -> VapiMessage.read(body)).isInstanceOf(BadWebhookException.class);
    }

    /** Jackson alone would read an overlong '/' (C0 AF) as '/', and F4 90 80 80 (above U+10FFFF) as two surrogates. */
    @Test
    void whenAStringHoldsAnOverlongOrOutOfRangeSequenceThenBadWebhook() {
        for (byte[] invalid :
                new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}}) {
            var body = new ByteArrayOutputStream();
            body.writeBytes("{\"message\":{\"type\":\"".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(invalid);
            body.writeBytes("hang\",\"call\":{\"id\":\"c1\"}}}".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> VapiMessage.read(body.toByteArray()))
                    .isInstanceOf(BadWebhookException.class)
                    .hasMessage("body is not valid UTF-8");
        }
    }

    @Test
    void whenCallIdIsMissingThenBadWebhookNamingIt() {
        VapiMessage message = VapiMessage.read("{\"message\":{\"type\":\"hang\",\"call\":{}}}".getBytes());

        assertThatThrownBy(message::callId)
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("message.call.id is required");
    }

    @Test
    void whenAFieldHasTheWrongShapeThenBadWebhookNamingIt() {
        VapiMessage message = VapiMessage.read(("{\"message\":{\"type\":\"end-of-call-report\",\"timestamp\":\"soon\","
                        + "\"cost\":\"0.10\",\"startedAt\":\"yesterday\",\"endedReason\":3}}")
                .getBytes());

        assertThatThrownBy(message::timestamp).hasMessageContaining("message.timestamp");
        assertThatThrownBy(() -> message.decimal("cost")).hasMessage("message.cost is not a number");
        assertThatThrownBy(() -> message.instant("startedAt")).hasMessage("message.startedAt is not a date-time");
        assertThatThrownBy(() -> message.text("endedReason")).hasMessage("message.endedReason is not a string");
    }
}
