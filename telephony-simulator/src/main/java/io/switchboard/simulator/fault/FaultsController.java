package io.switchboard.simulator.fault;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Switches fault injection at runtime. */
@RestController
@RequestMapping("/simulator/faults")
class FaultsController {

    private final FaultSwitch faults;

    FaultsController(FaultSwitch faults) {
        this.faults = faults;
    }

    @GetMapping
    Faults get() {
        return faults.current();
    }

    @PutMapping
    Faults put(@RequestBody Faults requested) {
        faults.set(requested);
        return requested;
    }
}
