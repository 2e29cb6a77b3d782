package io.switchboard.ingress.provider.vapi.domain;

import java.time.Duration;

import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.provider.vapi.config.VapiProperties.AssistantRequest;
import io.switchboard.ingress.provider.vapi.config.VapiProperties.SignatureEncoding;
import org.springframework.util.unit.DataSize;

/** The VAPI settings as application.yml leaves them by default. */
final class VapiSettings {

    private VapiSettings() {}

    static VapiProperties defaults() {
        return withPrefix("");
    }

    static VapiProperties withPrefix(String signaturePrefix) {
        return new VapiProperties(
                "X-Vapi-Secret",
                "x-signature",
                "x-timestamp",
                signaturePrefix,
                SignatureEncoding.HEX,
                Duration.ofMinutes(5),
                DataSize.ofMegabytes(1),
                new AssistantRequest(Duration.ofSeconds(3), AssistantRequest.DEFAULT_FALLBACK));
    }
}
