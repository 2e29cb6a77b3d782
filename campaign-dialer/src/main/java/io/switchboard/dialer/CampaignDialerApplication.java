package io.switchboard.dialer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Call requests in, provider calls out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignDialerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampaignDialerApplication.class, args);
    }
}
