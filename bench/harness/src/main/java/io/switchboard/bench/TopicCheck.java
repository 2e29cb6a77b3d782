package io.switchboard.bench;

/**
 * Whether every request the ingress answered 2xx is on provider-events.v1, exactly once.
 *
 * @param records    records that arrived on the topic during the run
 * @param accepted   requests answered 2xx
 * @param missing    answered 2xx, but no record with that event id
 * @param duplicates records beyond the first with the same event id
 * @param unanswered records for requests not answered 2xx: published after the driver gave up on them
 *                   (timeout) or after the ingress answered 503 (publish timeout). Twilio would retry
 *                   those, and the retry is a dedup hit, so they are not lost or doubled events.
 */
record TopicCheck(long records, long accepted, long missing, long duplicates, long unanswered) {

    /** Every answered request is on the topic once: the durability the ingress promises. */
    boolean durable() {
        return missing == 0 && duplicates == 0;
    }

    /** Durable, and nothing else on the topic: records = 2xx answers. */
    boolean exact() {
        return durable() && records == accepted;
    }

    String summary() {
        if (exact()) {
            return "ok " + records + " = " + accepted + " 2xx";
        }
        if (durable()) {
            return "durable: all " + accepted + " 2xx on it once, +" + unanswered + " without a 2xx answer";
        }
        return "FAIL " + records + " records for " + accepted + " 2xx (missing " + missing + ", duplicates "
                + duplicates + ", without a 2xx answer " + unanswered + ")";
    }
}
