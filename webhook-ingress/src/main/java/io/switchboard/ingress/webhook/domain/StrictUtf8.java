package io.switchboard.ingress.webhook.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses bytes that are not UTF-8 as RFC 3629 defines it, before a JSON parser sees them. Jackson's
 * byte parser decodes some invalid sequences instead of refusing them: an overlong {@code C0 AF}
 * becomes {@code /}, a four-byte sequence above U+10FFFF becomes lone surrogates. Such text would
 * reach an event as if the provider had sent it.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** @throws BadWebhookException naming {@code what} when the bytes are not valid UTF-8 */
    public static void check(byte[] bytes, String what) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new BadWebhookException(what + " is not valid UTF-8");
        }
    }
}
