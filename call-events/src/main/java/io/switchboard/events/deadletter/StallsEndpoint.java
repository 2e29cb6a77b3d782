package io.switchboard.events.deadletter;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code GET /actuator/stalls} lists the partitions this instance is stuck on and why;
 * {@code POST /actuator/stalls} with {@code {"topic":…,"partition":…,"offset":…}} parks the stuck
 * record: it goes to the dead-letter topic with reason {@code parked} at its next retry, and the
 * partition moves on. Parking a record that is not the one stuck answers 404 and changes nothing.
 */
@Endpoint(id = "stalls")
public final class StallsEndpoint {

    private final StalledPartitions stalls;

    public StallsEndpoint(StalledPartitions stalls) {
        this.stalls = stalls;
    }

    @ReadOperation
    public List<Stall> stalls() {
        return stalls.current();
    }

    @WriteOperation
    public WebEndpointResponse<Stall> park(String topic, int partition, long offset) {
        return stalls.park(topic, partition, offset)
                .map(stall -> new WebEndpointResponse<>(stall, WebEndpointResponse.STATUS_OK))
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }
}
