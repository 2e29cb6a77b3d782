package io.switchboard.simulator.fault;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Arms, shows and disarms the fault that the next creates of a call suffer. */
@RestController
@RequestMapping("/simulator/faults/create-call")
class CreateCallFaultsController {

    private final CreateCallFaults faults;

    CreateCallFaultsController(CreateCallFaults faults) {
        this.faults = faults;
    }

    @PutMapping
    CreateCallFaults.Armed arm(@RequestBody CreateCallFault fault) {
        return faults.arm(fault);
    }

    /** 204 when nothing is armed. */
    @GetMapping
    ResponseEntity<Object> get() {
        return faults.current()
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disarm() {
        faults.disarm();
    }
}
