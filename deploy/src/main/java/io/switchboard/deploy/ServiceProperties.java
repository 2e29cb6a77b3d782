package io.switchboard.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration each service gets in the local stack: where its peers are, and its secrets. */
final class ServiceProperties {

    private final StackConfig config;
    private final StackSecrets secrets;
    private final String kafka;
    private final String mongo;

    ServiceProperties(StackConfig config, StackSecrets secrets, String kafka, String mongo) {
        this.config = config;
        this.secrets = secrets;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    Map<String, Object> of(StackService service) {
        var properties = new LinkedHashMap<String, Object>();
        if (service != StackService.TELEPHONY_SIMULATOR) {
            properties.put("spring.kafka.bootstrap-servers", kafka);
            properties.put("switchboard.events.source", "/switchboard/" + service.module());
            var key = secrets.signingKeys().get(service.module());
            properties.put("switchboard.events.signing.key-id", key.keyId());
            properties.put("switchboard.events.signing.private-key", key.privateKey());
            secrets.trustedKeys()
                    .forEach((id, publicKey) -> properties.put("switchboard.events.trusted-keys." + id, publicKey));
        }
        switch (service) {
            case WEBHOOK_INGRESS -> {
                properties.put("switchboard.ingress.public-base-url", url(StackService.WEBHOOK_INGRESS));
                putSecretBox(properties);
            }
            case CALL_ORCHESTRATOR -> putSecretBox(properties);
            case CAMPAIGN_DIALER -> {
                properties.put("switchboard.dialer.ingress-base-url", url(StackService.WEBHOOK_INGRESS));
                properties.put("switchboard.dialer.twilio.api-base-url", url(StackService.TELEPHONY_SIMULATOR));
                properties.put("switchboard.dialer.twilio.account-sid", secrets.twilioAccountSid());
                properties.put("switchboard.dialer.twilio.auth-token", secrets.twilioAuthToken());
            }
            case CALL_LOG_SERVICE -> properties.put("spring.mongodb.uri", mongo + "/switchboard");
            case TELEPHONY_SIMULATOR -> {
                properties.put(
                        "switchboard.simulator.accounts." + secrets.twilioAccountSid(), secrets.twilioAuthToken());
                properties.put("switchboard.simulator.public-base-url", url(StackService.TELEPHONY_SIMULATOR));
                properties.put(
                        "switchboard.simulator.step-delay", config.stepDelay().toMillis() + "ms");
            }
            default -> {
                // billing needs nothing beyond Kafka and its keys
            }
        }
        return properties;
    }

    /** The orchestrator seals provider credentials onto accounts.v1; the ingress opens them. */
    private void putSecretBox(Map<String, Object> properties) {
        properties.put("switchboard.secrets.active-key-id", secrets.secretBoxKeyId());
        properties.put("switchboard.secrets.keys." + secrets.secretBoxKeyId(), secrets.secretBoxKey());
    }

    private String url(StackService service) {
        return "http://localhost:" + config.port(service);
    }
}
