package io.switchboard.calllog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The call log: one MongoDB document per call, built from Kafka events, served to analysts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallLogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallLogServiceApplication.class, args);
    }
}
