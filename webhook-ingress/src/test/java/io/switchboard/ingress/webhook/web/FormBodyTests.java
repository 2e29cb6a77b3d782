package io.switchboard.ingress.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import org.junit.jupiter.api.Test;

class FormBodyTests {

    @Test
    void whenFormIsEncodedThenFieldsAreDecodedInOrder() {
        var fields = parse("To=%2B14155552671&Caller=J%C3%BCrgen+M&Empty=&NoEquals&&Last=1");

        assertThat(fields)
                .containsExactly(
                        entry("To", "+14155552671"),
                        entry("Caller", "Jürgen M"),
                        entry("Empty", ""),
                        entry("NoEquals", ""),
                        entry("Last", "1"));
    }

    @Test
    void whenAKeyRepeatsThenEveryValueIsKeptInTheOrderSent() {
        assertThat(parse("a=2&b=x&a=1").get("a")).containsExactly("2", "1");
    }

    @Test
    void whenAnEscapeIsBrokenThenBadWebhook() {
        assertThatThrownBy(() -> parse("CallStatus=%zz")).isInstanceOf(BadWebhookException.class);
        assertThatThrownBy(() -> parse("CallStatus=%2")).isInstanceOf(BadWebhookException.class);
        assertThatThrownBy(() -> parse("CallStatus=%")).isInstanceOf(BadWebhookException.class);
    }

    @Test
    void whenBytesAreNotUtf8ThenBadWebhook() {
        assertThatThrownBy(() -> parse("From=%FF%FE"))
                .isInstanceOf(BadWebhookException.class)
                .hasMessage("form body is not valid UTF-8");
        assertThatThrownBy(() -> FormBody.parse(new byte[] {'a', '=', (byte) 0xC3}))
                .isInstanceOf(BadWebhookException.class);
    }

    @Test
    void whenBodyIsEmptyThenNoFields() {
        assertThat(FormBody.parse(new byte[0])).isEmpty();
    }

    private static java.util.Map<String, List<String>> parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.Map.Entry<String, List<String>> entry(String key, String value) {
        return java.util.Map.entry(key, List.of(value));
    }
}
