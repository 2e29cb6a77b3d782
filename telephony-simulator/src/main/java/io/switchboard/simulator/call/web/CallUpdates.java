package io.switchboard.simulator.call.web;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.VoiceInstructions;
import io.switchboard.simulator.call.progress.OutboundCallDriver;
import org.springframework.util.MultiValueMap;

/**
 * Twilio's "update a call": {@code Status=completed} hangs up, {@code Status=canceled} cancels a call not yet
 * answered (an answered one is left alone), {@code Url}/{@code Twiml} give it new instructions. A call that has
 * ended takes none of these: 21220.
 */
final class CallUpdates {

    private CallUpdates() {}

    static void apply(SimulatedCall call, MultiValueMap<String, String> form, OutboundCallDriver driver) {
        String status = FormFields.text(form, "Status");
        VoiceInstructions instructions = FormFields.instructions(form);
        if (status != null && !status.equals("completed") && !status.equals("canceled")) {
            throw TwilioApiException.badRequest(
                    21218, "Invalid value for Status: '" + status + "'. Allowed values: canceled, completed.");
        }
        if (call.spec().direction() != CallDirection.OUTBOUND_API) {
            throw TwilioApiException.badRequest(21220, "Only outbound-api calls can be updated in the simulator.");
        }
        OutboundCallDriver.Update result;
        if ("completed".equals(status)) {
            result = driver.hangUp(call);
        } else if ("canceled".equals(status)) {
            result = driver.cancel(call);
        } else if (instructions != null) {
            result = driver.redirect(call, instructions);
        } else {
            return;
        }
        if (result == OutboundCallDriver.Update.CALL_ENDED) {
            throw TwilioApiException.notInProgress();
        }
    }
}
