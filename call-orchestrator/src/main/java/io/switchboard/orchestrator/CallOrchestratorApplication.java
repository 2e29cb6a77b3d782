package io.switchboard.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accounts, numbers and assistants; inbound routing; the authoritative state of every call. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallOrchestratorApplication.class, args);
    }
}
