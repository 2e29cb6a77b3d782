package io.switchboard.events.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicTests {

    @Test
    void whenListedThenEveryNameIsPrefixedVersionedAndUnique() {
        assertThat(Topic.values())
                .allSatisfy(
                        topic -> assertThat(topic.topicName()).matches("switchboard\\.[a-z][a-z-]*\\.v[1-9][0-9]*"));
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).doesNotHaveDuplicates();
    }

    @Test
    void whenJoiningACallsEventsWithItsStateThenBothTopicsArePartitionedAlike() {
        assertThat(Topic.PROVIDER_EVENTS.partitions()).isEqualTo(Topic.CALL_STATES.partitions());
        assertThat(Topic.PROVIDER_EVENTS.key())
                .isEqualTo(Topic.CALL_STATES.key())
                .isEqualTo("call id");
        assertThat(Topic.ROUTING_REQUESTS.partitions()).isEqualTo(Topic.ROUTING_REPLIES.partitions());
    }

    @Test
    void whenStateTopicsThenOnlyTheyAreCompactedAndKeptForever() {
        var compacted = EnumSet.noneOf(Topic.class);
        for (Topic topic : Topic.values()) {
            if (topic.cleanup() == Topic.Cleanup.COMPACT) {
                compacted.add(topic);
            }
        }

        assertThat(compacted)
                .containsExactlyInAnyOrder(
                        Topic.CALL_STATES, Topic.ACCOUNTS, Topic.WALLETS, Topic.DO_NOT_CALL, Topic.DIALER_CAMPAIGNS);
        assertThat(compacted)
                .allSatisfy(topic -> assertThat(configs(topic.newTopic((short) 1)))
                        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    @Test
    void whenTheLedgerIsCreatedThenItIsNeverDeletedByTime() {
        assertThat(configs(Topic.LEDGER.newTopic((short) 3)))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }

    @Test
    void whenTheAuditTrailIsCreatedThenItIsKeyedByAccountAndKeptFourHundredDays() {
        assertThat(Topic.AUDIT.topicName()).isEqualTo("switchboard.audit.v1");
        assertThat(Topic.AUDIT.key()).isEqualTo("account id");
        assertThat(configs(Topic.AUDIT.newTopic((short) 3)))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(400).toMillis()));
    }

    @Test
    void whenCreatedThenPartitionsReplicasAndRetentionComeFromTheCatalogue() {
        NewTopic providerEvents = Topic.PROVIDER_EVENTS.newTopic((short) 3);

        assertThat(providerEvents.name()).isEqualTo("switchboard.provider-events.v1");
        assertThat(providerEvents.numPartitions()).isEqualTo(6);
        assertThat(providerEvents.replicationFactor()).isEqualTo((short) 3);
        assertThat(configs(providerEvents))
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(7).toMillis()))
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(configs(Topic.PROVIDER_EVENTS.newTopic((short) 1)))
                .doesNotContainKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
    }

    @Test
    void whenDeadLetteredThenTheTopicIsTheSourceNamePlusDlt() {
        assertThat(Topic.values()).allSatisfy(topic -> {
            assertThat(topic.deadLetterTopicName())
                    .isEqualTo(topic.topicName() + "-dlt")
                    .endsWith("-dlt");
            NewTopic deadLetters = topic.newDeadLetterTopic((short) 1);
            assertThat(deadLetters.name()).isEqualTo(topic.deadLetterTopicName());
            assertThat(configs(deadLetters))
                    .containsEntry(
                            TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofDays(30).toMillis()));
        });
    }

    @Test
    void whenLookedUpByNameThenFoundOrRefused() {
        assertThat(Topic.values())
                .allSatisfy(topic -> assertThat(Topic.byName(topic.topicName())).isSameAs(topic));
        assertThatThrownBy(() -> Topic.byName("call-states.v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topic.byName(Topic.CALL_STATES.deadLetterTopicName()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> configs(NewTopic topic) {
        return topic.configs();
    }
}
