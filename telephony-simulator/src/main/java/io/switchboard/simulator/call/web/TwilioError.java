package io.switchboard.simulator.call.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Twilio's error body, which the SDK turns into an ApiException with code and message. */
record TwilioError(
        int code, String message, @JsonProperty("more_info") String moreInfo, int status) {

    static TwilioError of(TwilioApiException ex) {
        return new TwilioError(
                ex.code(),
                ex.getMessage(),
                "https://www.twilio.com/docs/errors/" + ex.code(),
                ex.status().value());
    }
}
