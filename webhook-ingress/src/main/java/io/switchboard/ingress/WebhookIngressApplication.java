package io.switchboard.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Provider webhooks in: signature checks, signed CloudEvents out, TwiML answers for inbound calls. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookIngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngressApplication.class, args);
    }
}
