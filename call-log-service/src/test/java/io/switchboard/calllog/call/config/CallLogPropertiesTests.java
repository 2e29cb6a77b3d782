package io.switchboard.calllog.call.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CallLogPropertiesTests {

    @Test
    void whenNothingIsSetThenAuditEntriesAreKeptAsLongAsTheAuditTopicKeepsThem() {
        CallLogProperties properties = bind(Map.of());

        long topicRetentionMs =
                Long.parseLong(Topic.AUDIT.newTopic((short) 1).configs().get(TopicConfig.RETENTION_MS_CONFIG));
        assertThat(properties.auditRetention()).isEqualTo(Duration.ofDays(400));
        assertThat(properties.auditRetention().toMillis()).isEqualTo(topicRetentionMs);
    }

    @Test
    void whenTheAuditRetentionIsSetThenItIsBoundAsADuration() {
        assertThat(bind(Map.of("switchboard.call-log.audit-retention", "30d")).auditRetention())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void whenTheAuditRetentionIsNotPositiveOrBeyondMongosLimitThenStartUpFailsNamingIt() {
        for (Duration bad : new Duration[] {
            Duration.ZERO,
            Duration.ofDays(-1),
            Duration.ofMillis(500),
            Duration.ofSeconds(CallLogProperties.MAX_AUDIT_RETENTION_SECONDS + 1)
        }) {
            assertThatThrownBy(() -> new CallLogProperties(
                            "calls", Duration.ofSeconds(10), Duration.ofSeconds(3), "audit", bad, "call_requests"))
                    .as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("switchboard.call-log.audit-retention");
        }
    }

    private static CallLogProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("switchboard.call-log", CallLogProperties.class);
    }
}
