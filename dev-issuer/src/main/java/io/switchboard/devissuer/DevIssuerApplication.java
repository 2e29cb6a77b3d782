package io.switchboard.devissuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A development OIDC issuer for the local stack: client-credentials access tokens (signed JWTs) that
 * the services' resource servers accept. Not for production, where any OIDC provider issues them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIssuerApplication.class, args);
    }
}
