package io.switchboard.ingress.testing.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * The kinds of bad request the fuzz makes, how often (in thousandths), and what each must be
 * answered with. Waiting out the body timeout is slow, so stalled bodies are kept rare.
 */
public enum FuzzCategory {
    RANDOM_BODY(60, Expectation.CLIENT_ERROR),
    GARBAGE_REQUEST(50, Expectation.CLIENT_ERROR),
    TRUNCATED_FORM(55, Expectation.CLIENT_ERROR),
    DOUBLE_ENCODED(55, Expectation.CLIENT_ERROR),
    DUPLICATE_KEYS(55, Expectation.CLIENT_ERROR),
    INVALID_UTF8(60, Expectation.CLIENT_ERROR),
    HUGE_HEADERS(40, Expectation.CLIENT_ERROR),
    LONG_REQUEST_LINE(40, Expectation.CLIENT_ERROR),
    BODY_SHORTER_THAN_DECLARED(40, Expectation.CLIENT_ERROR_OR_CLOSED),
    BODY_STALLED(2, Expectation.CLIENT_ERROR),
    BODY_LONGER_THAN_DECLARED(40, Expectation.CLIENT_ERROR),
    CHUNKED_OVER_LIMIT(28, Expectation.CLIENT_ERROR),
    DECLARED_OVER_LIMIT(30, Expectation.CLIENT_ERROR),
    WRONG_CONTENT_TYPE(50, Expectation.CLIENT_ERROR),
    WRONG_METHOD(50, Expectation.CLIENT_ERROR),
    BAD_SIGNATURE(75, Expectation.FORBIDDEN),
    SIGNED_INVALID_FIELDS(100, Expectation.BAD_REQUEST),
    SIGNED_FOREIGN_ACCOUNT_SID(40, Expectation.FORBIDDEN),
    VAPI_UNAUTHENTICATED(60, Expectation.UNAUTHORIZED_OR_FORBIDDEN),
    VAPI_AUTHENTICATED_INVALID(70, Expectation.BAD_REQUEST);

    private static final int TOTAL_WEIGHT =
            Arrays.stream(values()).mapToInt(c -> c.weight).sum();

    private final int weight;
    private final Expectation expectation;

    FuzzCategory(int weight, Expectation expectation) {
        this.weight = weight;
        this.expectation = expectation;
    }

    public Expectation expectation() {
        return expectation;
    }

    static FuzzCategory pick(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (FuzzCategory category : values()) {
            roll -= category.weight;
            if (roll < 0) {
                return category;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
