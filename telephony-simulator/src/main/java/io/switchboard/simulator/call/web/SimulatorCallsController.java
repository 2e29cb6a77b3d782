package io.switchboard.simulator.call.web;

import java.util.List;

import io.switchboard.simulator.call.domain.CallRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Inspection: what the simulator did with each call it remembers. */
@RestController
@RequestMapping("/simulator/calls")
class SimulatorCallsController {

    private final CallRegistry calls;

    SimulatorCallsController(CallRegistry calls) {
        this.calls = calls;
    }

    /** Newest first; {@code limit} trims the answer when only the latest few matter. */
    @GetMapping
    List<CallView> all(@RequestParam(defaultValue = "" + Integer.MAX_VALUE) int limit) {
        return calls.newestFirst().stream()
                .limit(Math.max(0, limit))
                .map(CallView::of)
                .toList();
    }

    @GetMapping("/{callSid}")
    CallView one(@PathVariable String callSid) {
        return calls.find(callSid)
                .map(CallView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + callSid));
    }
}
