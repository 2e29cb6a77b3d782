package io.switchboard.testsupport;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A client for a service's actuator, which listens on the management port, never the API's. */
public final class ManagementClient {

    private final WebTestClient client;

    private ManagementClient(WebTestClient client) {
        this.client = client;
    }

    /** @param managementPort from {@code @LocalManagementPort} */
    public static ManagementClient on(int managementPort) {
        return new ManagementClient(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build());
    }

    public WebTestClient.ResponseSpec readiness() {
        return get("/actuator/health/readiness");
    }

    public WebTestClient.ResponseSpec liveness() {
        return get("/actuator/health/liveness");
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }
}
