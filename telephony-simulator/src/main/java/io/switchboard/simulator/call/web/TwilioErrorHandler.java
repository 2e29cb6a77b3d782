package io.switchboard.simulator.call.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders refusals of the Twilio REST subset in Twilio's error shape. */
@RestControllerAdvice(basePackageClasses = TwilioErrorHandler.class)
class TwilioErrorHandler {

    @ExceptionHandler
    ResponseEntity<TwilioError> handle(TwilioApiException ex) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return response.body(TwilioError.of(ex));
    }
}
