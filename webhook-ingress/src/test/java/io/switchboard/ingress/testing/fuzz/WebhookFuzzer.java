package io.switchboard.ingress.testing.fuzz;

import java.time.Duration;
import java.util.Random;

/**
 * Generates the fuzz's bad requests. Case {@code i} of a seed is always the same request (but for
 * the VAPI timestamps, which are signed now), whichever thread generates it and in what order, so
 * a failure reproduces by running again with the seed it printed.
 */
public final class WebhookFuzzer {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final FuzzLimits limits;
    private final FramingFuzz framing;
    private final BodyLengthFuzz bodyLength;
    private final TwilioFieldFuzz twilioFields;
    private final TwilioForgeryFuzz twilioForgeries;
    private final VapiFuzz vapi;

    public WebhookFuzzer(long seed, FuzzTargets targets, FuzzLimits limits) {
        this.seed = seed;
        this.limits = limits;
        var twilioRequests = new TwilioRequests(targets);
        var vapiRequests = new VapiRequests(targets);
        var valid = new ValidWebhooks(twilioRequests, vapiRequests);
        this.framing = new FramingFuzz(twilioRequests, vapiRequests, valid);
        this.bodyLength = new BodyLengthFuzz(valid, limits);
        this.twilioFields = new TwilioFieldFuzz(twilioRequests);
        this.twilioForgeries = new TwilioForgeryFuzz(twilioRequests, targets.publicBaseUrl());
        this.vapi = new VapiFuzz(vapiRequests);
    }

    public FuzzCase generate(int index) {
        var random = new Random(seed + index * GOLDEN_GAMMA);
        FuzzCategory category = FuzzCategory.pick(random);
        byte[] request = switch (category) {
            case RANDOM_BODY -> framing.randomBody(random);
            case GARBAGE_REQUEST -> framing.garbage(random);
            case TRUNCATED_FORM -> twilioFields.truncatedForm(random);
            case DOUBLE_ENCODED -> twilioFields.doubleEncoded(random);
            case DUPLICATE_KEYS -> twilioFields.duplicateKeys(random);
            case INVALID_UTF8 ->
                FuzzValues.chance(random, 0.7) ? twilioFields.invalidUtf8(random) : vapi.invalidUtf8(random);
            case HUGE_HEADERS -> framing.hugeHeaders(random);
            case LONG_REQUEST_LINE -> framing.longRequestLine(random);
            case BODY_SHORTER_THAN_DECLARED, BODY_STALLED -> bodyLength.shorterThanDeclared(random);
            case BODY_LONGER_THAN_DECLARED -> bodyLength.longerThanDeclared(random);
            case CHUNKED_OVER_LIMIT -> bodyLength.chunkedOverLimit(random);
            case DECLARED_OVER_LIMIT -> bodyLength.declaredOverLimit(random);
            case WRONG_CONTENT_TYPE -> framing.wrongContentType(random);
            case WRONG_METHOD -> framing.wrongMethod(random);
            case BAD_SIGNATURE -> twilioForgeries.badSignature(random);
            case SIGNED_INVALID_FIELDS -> twilioFields.signedInvalidFields(random);
            case SIGNED_FOREIGN_ACCOUNT_SID -> twilioForgeries.foreignAccountSid(random);
            case VAPI_UNAUTHENTICATED -> vapi.unauthenticated(random);
            case VAPI_AUTHENTICATED_INVALID -> vapi.authenticatedInvalid(random);
        };
        // A stalled body is answered once the body timeout has passed; a client that gives up is not waited for.
        return new FuzzCase(
                index,
                category,
                request,
                category == FuzzCategory.BODY_SHORTER_THAN_DECLARED,
                category == FuzzCategory.BODY_LONGER_THAN_DECLARED ? 2 : 1,
                category == FuzzCategory.BODY_STALLED ? limits.bodyTimeout().plus(ANSWER_TIMEOUT) : ANSWER_TIMEOUT);
    }
}
