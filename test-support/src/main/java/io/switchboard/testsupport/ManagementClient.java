package io.switchboard.testsupport;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A client for a service's actuator, which listens on the management port, never the API's. */
public final class ManagementClient {

    private ManagementClient() {}

    /** @param managementPort from {@code @LocalManagementPort} */
    public static WebTestClient on(int managementPort) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build();
    }
}
