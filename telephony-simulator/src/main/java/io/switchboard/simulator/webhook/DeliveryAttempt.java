package io.switchboard.simulator.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request the simulator made, for the inspection API.
 *
 * @param keyParams the params that tell deliveries apart (CallStatus, SequenceNumber, …), not all of them
 * @param attempt   1 for the first try, 2 for the first retry, …
 */
public record DeliveryAttempt(
        String kind,
        String url,
        String method,
        Map<String, String> keyParams,
        int attempt,
        Integer httpStatus,
        String error,
        String idempotencyToken,
        Instant at) {}
