package io.switchboard.simulator.fault;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The create-call fault armed now, if any. Each create takes one use of it; when the uses are spent or
 * the window has passed, creates behave again. Arming replaces what was armed; disarming clears it.
 */
@Component
public class CreateCallFaults {

    /** What is armed: the fault, the uses left and, for a window, when it closes. */
    public record Armed(CreateCallFault fault, int remaining, Instant until) {}

    private final Clock clock = Clock.systemUTC();
    private Armed armed;

    public synchronized Armed arm(CreateCallFault fault) {
        armed = new Armed(
                fault,
                fault.window() == null ? fault.count() : 0,
                fault.window() == null ? null : clock.instant().plus(fault.window()));
        return armed;
    }

    public synchronized void disarm() {
        armed = null;
    }

    public synchronized Optional<Armed> current() {
        expire();
        return Optional.ofNullable(armed);
    }

    /** The fault this create must suffer, using it up. */
    public synchronized Optional<CreateCallFault> take() {
        expire();
        if (armed == null) {
            return Optional.empty();
        }
        CreateCallFault fault = armed.fault();
        if (armed.until() == null) {
            armed = armed.remaining() > 1 ? new Armed(fault, armed.remaining() - 1, null) : null;
        }
        return Optional.of(fault);
    }

    private void expire() {
        if (armed != null && armed.until() != null && !clock.instant().isBefore(armed.until())) {
            armed = null;
        }
    }
}
