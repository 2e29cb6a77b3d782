package io.switchboard.simulator.call.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.stereotype.Component;

/** The calls the simulator remembers: the most recent {@code retained-calls}, oldest evicted first. */
@Component
public class CallRegistry {

    private final Map<String, SimulatedCall> bySid = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> order = new ConcurrentLinkedDeque<>();
    private final int capacity;

    CallRegistry(SimulatorProperties properties) {
        this.capacity = properties.retainedCalls();
    }

    public void add(SimulatedCall call) {
        bySid.put(call.sid(), call);
        order.addLast(call.sid());
        while (bySid.size() > capacity) {
            String oldest = order.pollFirst();
            if (oldest == null) {
                break;
            }
            bySid.remove(oldest);
        }
    }

    public Optional<SimulatedCall> find(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    public List<SimulatedCall> newestFirst() {
        List<SimulatedCall> calls = new ArrayList<>();
        for (Iterator<String> sids = order.descendingIterator(); sids.hasNext(); ) {
            SimulatedCall call = bySid.get(sids.next());
            if (call != null) {
                calls.add(call);
            }
        }
        return calls;
    }
}
