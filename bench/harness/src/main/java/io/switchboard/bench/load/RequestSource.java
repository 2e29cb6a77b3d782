package io.switchboard.bench.load;

import java.util.List;

/**
 * The requests of one run, handed out in order to one thread. A distinct source runs dry (every
 * request must produce its own event); a cycling one starts over (the bare endpoint keeps nothing).
 */
public final class RequestSource {

    private final List<PreparedRequest> requests;
    private final boolean cycles;
    private int next;

    private RequestSource(List<PreparedRequest> requests, boolean cycles) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        this.requests = requests;
        this.cycles = cycles;
    }

    public static RequestSource distinct(List<PreparedRequest> requests) {
        return new RequestSource(requests, false);
    }

    public static RequestSource cycling(List<PreparedRequest> requests) {
        return new RequestSource(requests, true);
    }

    /** The next request, or null once a distinct source is used up. */
    PreparedRequest next() {
        if (next == requests.size()) {
            if (!cycles) {
                return null;
            }
            next = 0;
        }
        return requests.get(next++);
    }
}
