package io.switchboard.bench;

/**
 * Whether every request the ingress answered 2xx is on provider-events.v1, exactly once.
 *
 * @param records    records that arrived on the topic during the run
 * @param accepted   requests answered 2xx
 * @param missing    answered 2xx, but no record with that event id
 * @param duplicates records beyond the first with the same event id
 * @param unanswered records for requests not answered 2xx (a publish that outlived its 503 or the driver's timeout)
 */
record TopicCheck(long records, long accepted, long missing, long duplicates, long unanswered) {

    boolean passed() {
        return missing == 0 && duplicates == 0 && records == accepted;
    }

    String summary() {
        if (passed()) {
            return "ok " + records + "=" + accepted;
        }
        return "FAIL " + records + " records/" + accepted + " 2xx (missing " + missing + ", dup " + duplicates
                + ", unanswered " + unanswered + ")";
    }
}
