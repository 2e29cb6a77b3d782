package io.switchboard.orchestrator.support;

import io.switchboard.orchestrator.call.domain.CallStatePublisher;
import io.switchboard.orchestrator.call.domain.RequestOutcomePublisher;
import io.switchboard.testsupport.SwitchboardTestProperties;
import io.switchboard.testsupport.TestSecrets;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** The whole service on the shared real broker, with test sealing keys; subclasses share one application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Longer than the account API's own publish timeout (10s), so a slow broker shows as the API's answer.
@AutoConfigureWebTestClient(timeout = "15s")
@Import(OrchestratorIntegrationTest.ConnectionPerRequest.class)
public abstract class OrchestratorIntegrationTest {

    /**
     * Every request of the test client on a connection of its own: Reactor Netty 1.3.7's server can stop reading a
     * kept-alive connection (reactor-netty#4361, docs/architecture.md), which hung a request after a raw PUT here.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ConnectionPerRequest {

        @Bean
        WebTestClientBuilderCustomizer connectionPerRequest() {
            return builder -> builder.defaultHeader(HttpHeaders.CONNECTION, "close");
        }
    }

    /**
     * A spy that calls through, here so that every subclass shares one context: a test can make one
     * call's snapshot fail after it was published, to roll back the listener's transaction.
     */
    @MockitoSpyBean
    protected CallStatePublisher callStatePublisher;

    /** Likewise, to roll back the transaction after a request's {@code finished} outcome was published. */
    @MockitoSpyBean
    protected RequestOutcomePublisher requestOutcomePublisher;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/call-orchestrator");
        TestSecrets.register(registry);
    }
}
