package io.switchboard.ingress.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import io.switchboard.ingress.testing.RawRequest;

/**
 * Valid, correctly signed webhooks whose body lies about its length or outgrows the limit: shorter
 * or longer than its Content-Length, a Content-Length over the limit, a chunked body over it.
 */
final class BodyLengthFuzz {

    private final ValidWebhooks valid;
    private final FuzzLimits limits;

    BodyLengthFuzz(ValidWebhooks valid, FuzzLimits limits) {
        this.valid = valid;
        this.limits = limits;
    }

    /** The body ends (or the client stops sending) before the length it declared. */
    byte[] shorterThanDeclared(Random random) {
        RawRequest request = valid.any(random);
        byte[] body = request.body();
        if (FuzzValues.chance(random, 0.5)) {
            return request.body(Arrays.copyOf(body, random.nextInt(body.length)))
                    .declaredLength(body.length)
                    .bytes();
        }
        return request.declaredLength(body.length + 1 + random.nextInt(1000)).bytes();
    }

    /** The declared length ends inside the body; the rest (closed by an empty line) is a second, broken request. */
    byte[] longerThanDeclared(Random random) {
        RawRequest request = valid.any(random);
        return request.declaredLength(random.nextInt(request.body().length))
                .trailing("\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .bytes();
    }

    byte[] chunkedOverLimit(Random random) {
        RawRequest request = valid.mostlyTwilio(random);
        byte[] body = request.body();
        int padding = ValidWebhooks.bodyLimit(request, limits) - body.length + 1 + random.nextInt(20_000);
        // Whitespace after a JSON document, or one more field in a form: valid but for its size.
        String pad = body[0] == '{' ? " ".repeat(padding) : "&Padding=" + "x".repeat(padding);
        return request.body(FuzzValues.concat(body, pad))
                .chunked(1_000 + random.nextInt(15_000))
                .bytes();
    }

    byte[] declaredOverLimit(Random random) {
        RawRequest request = valid.any(random);
        long limit = ValidWebhooks.bodyLimit(request, limits);
        return request.declaredLength(FuzzValues.pick(
                        random,
                        limit + 1,
                        limit + 1 + random.nextInt(10_000_000),
                        (long) Integer.MAX_VALUE + 1,
                        Long.MAX_VALUE))
                .bytes();
    }
}
