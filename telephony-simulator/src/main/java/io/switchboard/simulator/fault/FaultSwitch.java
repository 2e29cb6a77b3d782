package io.switchboard.simulator.fault;

import java.util.concurrent.atomic.AtomicReference;

import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.stereotype.Component;

/** The faults in force; a call reads them once when it starts so one call behaves consistently. */
@Component
public class FaultSwitch {

    private final AtomicReference<Faults> current;

    FaultSwitch(SimulatorProperties properties) {
        this.current = new AtomicReference<>(properties.faults());
    }

    public Faults current() {
        return current.get();
    }

    void set(Faults faults) {
        current.set(faults);
    }
}
