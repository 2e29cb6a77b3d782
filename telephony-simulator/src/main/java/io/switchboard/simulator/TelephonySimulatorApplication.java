package io.switchboard.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A Twilio-compatible fake provider: the Calls REST API plus signed status, recording and voice webhooks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TelephonySimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonySimulatorApplication.class, args);
    }
}
