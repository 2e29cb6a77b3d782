package io.switchboard.bench.load;

/**
 * One HTTP/1.1 request, encoded once before the run so that the driver only writes bytes, and the
 * id of the event the ingress should publish for it (what the topic check looks for).
 */
public record PreparedRequest(String eventId, byte[] bytes) {}
