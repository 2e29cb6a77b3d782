package io.switchboard.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.events.topic.Topic;

/**
 * The configuration each service gets in the local stack: where its peers are, its secrets, where its
 * actuator listens, and which token issuer it trusts.
 */
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
        if (service.hasManagementPort()) {
            properties.put("management.server.port", config.managementPort(service));
        }
        if (service.isSwitchboardService()) {
            // Every HTTP API takes bearer tokens of the development issuer (keys found through its discovery).
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", config.issuerUrl());
            properties.put("spring.security.oauth2.resourceserver.jwt.audiences", List.of(StackConfig.TOKEN_AUDIENCE));
            properties.put("spring.kafka.bootstrap-servers", kafka);
            properties.put("switchboard.events.source", "/switchboard/" + service.module());
            var key = secrets.signingKeys().get(service.module());
            properties.put("switchboard.events.signing.key-id", key.keyId());
            properties.put("switchboard.events.signing.private-key", key.privateKey());
            secrets.trustedKeys()
                    .forEach((id, publicKey) -> properties.put("switchboard.events.trusted-keys." + id, publicKey));
            secrets.keyProducers()
                    .forEach((id, producer) -> properties.put("switchboard.events.key-producers." + id, producer));
        }
        switch (service) {
            case DEV_ISSUER -> {
                properties.put("switchboard.dev-issuer.issuer", config.issuerUrl());
                properties.put("switchboard.dev-issuer.client-id", StackConfig.ISSUER_CLIENT_ID);
                properties.put("switchboard.dev-issuer.client-secret", secrets.issuerClientSecret());
                properties.put(
                        "switchboard.dev-issuer.key-directory",
                        config.dataDirectory().resolve("dev-issuer").toString());
                properties.put("switchboard.dev-issuer.audience", StackConfig.TOKEN_AUDIENCE);
            }
            case WEBHOOK_INGRESS -> {
                properties.put("switchboard.ingress.public-base-url", url(StackService.WEBHOOK_INGRESS));
                putSecretBox(properties);
            }
            case CALL_ORCHESTRATOR -> putSecretBox(properties);
            case CAMPAIGN_DIALER -> {
                properties.put("switchboard.dialer.ingress-base-url", url(StackService.WEBHOOK_INGRESS));
                properties.put("switchboard.dialer.twilio.api-base-url", url(StackService.TELEPHONY_SIMULATOR));
                properties.put("switchboard.dialer.api.request-status-base-url", url(StackService.CALL_LOG_SERVICE));
                putSecretBox(properties);
                // One principal (the broker has no authentication here) publishing for the demo account, on the
                // catalogue's topic; a cluster gives each publisher a principal and a topic of its own.
                String publisher = "switchboard.dialer.intake.publishers.local.";
                properties.put(publisher + "principal", "User:ANONYMOUS");
                properties.put(publisher + "topic", Topic.CALL_REQUESTS.topicName());
                properties.put(publisher + "accounts", List.of(StackConfig.DEMO_ACCOUNT));
                properties.put("switchboard.dialer.intake.verify-acls", false);
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
        properties.putAll(config.overrides().getOrDefault(service, Map.of()));
        return properties;
    }

    /** The orchestrator seals provider credentials onto accounts.v1; the ingress and the dialer open them. */
    private void putSecretBox(Map<String, Object> properties) {
        properties.put("switchboard.secrets.active-key-id", secrets.secretBoxKeyId());
        properties.put("switchboard.secrets.keys." + secrets.secretBoxKeyId(), secrets.secretBoxKey());
    }

    private String url(StackService service) {
        return "http://localhost:" + config.port(service);
    }
}
