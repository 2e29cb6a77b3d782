package io.switchboard.events.topic;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic catalogue: every topic Switchboard uses, with its key, partitions and cleanup policy.
 * Topic names come only from here. {@link #PROVIDER_EVENTS} and {@link #CALL_STATES} have the same
 * partition count and key so that a call's events and its state live in the same partition number.
 */
public enum Topic {
    CALL_REQUESTS(Names.CALL_REQUESTS, "publishers' choice", 6, Cleanup.DELETE, Duration.ofDays(7)),
    /** What became of each call request ({@code CallRequestOutcome}), for the systems that publish them. */
    CALL_OUTCOMES(Names.CALL_OUTCOMES, "request id", 6, Cleanup.DELETE, Duration.ofDays(7)),
    /**
     * Call requests from publishers allowed to make them ({@code CallRequestReceived}), keyed by account:
     * the partition an account's key maps to decides which dialer instance admits its requests.
     */
    DIALER_REQUESTS(Names.DIALER_REQUESTS, "account id", 6, Cleanup.DELETE, Duration.ofDays(7)),
    /**
     * The dialer's intents ({@code DialIntentRecorded}), keyed by account and request id and written to the
     * partition number of the account in {@link #DIALER_REQUESTS}, so the instance admitting an account
     * reads exactly its intents. Kept 30 days, longer than a request may wait to be dialed.
     */
    DIALER_INTENTS(Names.DIALER_INTENTS, "account id / request id", 6, Cleanup.COMPACT_AND_DELETE, Duration.ofDays(30)),
    /**
     * Each account's do-not-call list ({@code DoNotCallChanged}), compacted by account and number: every
     * dialer instance reads it whole and dials no listed number for the account.
     */
    DO_NOT_CALL(Names.DO_NOT_CALL, "account id / number", 3, Cleanup.COMPACT, null),
    /**
     * Each account's campaigns ({@code CampaignRecorded}), compacted by account and campaign id: every dialer
     * instance reads it whole; the owner of an account dials its campaigns' contacts as their status and
     * concurrency allow.
     */
    DIALER_CAMPAIGNS(Names.DIALER_CAMPAIGNS, "account id / campaign id", 3, Cleanup.COMPACT, null),
    /**
     * The dialer's pacing queue ({@code QueuedCallRecorded} steps), keyed by provider account (provider/account
     * id): the owner of a partition owns the limits of its provider accounts, and the partition's steps, read in
     * order, are what it needs to take them over. Kept 7 days, as long as a queued request may wait to be dialed
     * (the dialer's longest max-request-age).
     */
    DIALER_QUEUE(Names.DIALER_QUEUE, "provider account", 6, Cleanup.DELETE, Duration.ofDays(7)),
    PROVIDER_EVENTS(Names.PROVIDER_EVENTS, "call id", 6, Cleanup.DELETE, Duration.ofDays(7)),
    CALL_STATES(Names.CALL_STATES, "call id", 6, Cleanup.COMPACT, null),
    ROUTING_REQUESTS(Names.ROUTING_REQUESTS, "call id", 3, Cleanup.DELETE, Duration.ofHours(1)),
    ROUTING_REPLIES(Names.ROUTING_REPLIES, "call id", 3, Cleanup.DELETE, Duration.ofHours(1)),
    ACCOUNTS(Names.ACCOUNTS, "account id", 3, Cleanup.COMPACT, null),
    LEDGER(Names.LEDGER, "account id", 6, Cleanup.DELETE, null),
    WALLETS(Names.WALLETS, "account id", 3, Cleanup.COMPACT, null),
    /**
     * Who changed or read what ({@code AuditRecorded}), from every service that records audits; kept
     * 400 days (a year and a month, for yearly reviews). Operators query the call log's copy.
     */
    AUDIT(Names.AUDIT, "account id", 6, Cleanup.DELETE, Duration.ofDays(400));

    /**
     * The topic names as compile-time constants, for annotations ({@code @KafkaListener(topics =
     * Topic.Names.CALL_STATES)}), so that "find usages" shows every reader of a topic.
     */
    public static final class Names {
        public static final String CALL_REQUESTS = "switchboard.call-requests.v1";
        public static final String CALL_OUTCOMES = "switchboard.call-outcomes.v1";
        public static final String DIALER_REQUESTS = "switchboard.dialer-requests.v1";
        public static final String DIALER_INTENTS = "switchboard.dialer-intents.v1";
        public static final String DO_NOT_CALL = "switchboard.do-not-call.v1";
        public static final String DIALER_CAMPAIGNS = "switchboard.dialer-campaigns.v1";
        public static final String DIALER_QUEUE = "switchboard.dialer-queue.v1";
        public static final String PROVIDER_EVENTS = "switchboard.provider-events.v1";
        public static final String CALL_STATES = "switchboard.call-states.v1";
        public static final String ROUTING_REQUESTS = "switchboard.routing-requests.v1";
        public static final String ROUTING_REPLIES = "switchboard.routing-replies.v1";
        public static final String ACCOUNTS = "switchboard.accounts.v1";
        public static final String LEDGER = "switchboard.ledger.v1";
        public static final String WALLETS = "switchboard.wallets.v1";
        public static final String AUDIT = "switchboard.audit.v1";

        private Names() {}
    }

    /** Dead letters keep their source topic's key; their partition is chosen by the key. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** How long a dead letter waits for an operator; the backlog alert fires well before. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private static final int DEAD_LETTER_PARTITIONS = 1;

    private final String topicName;
    private final String key;
    private final int partitions;
    private final Cleanup cleanup;
    private final Duration retention;

    Topic(String topicName, String key, int partitions, Cleanup cleanup, Duration retention) {
        this.topicName = topicName;
        this.key = key;
        this.partitions = partitions;
        this.cleanup = cleanup;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    public String key() {
        return key;
    }

    public int partitions() {
        return partitions;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    public NewTopic newTopic(short replicas) {
        return newTopic(topicName, replicas);
    }

    /**
     * Another topic with this one's partitions, cleanup and retention: a call-request publisher's own
     * topic is a {@link #CALL_REQUESTS} under another name.
     */
    public NewTopic newTopic(String name, short replicas) {
        var configs = new java.util.HashMap<String, String>(durability(replicas));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy);
        // Retention null means "keep": compacted topics keep the latest value per key and the
        // ledger is money, kept until an operator archives it.
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : Long.toString(retention.toMillis()));
        return new NewTopic(name, partitions, replicas).configs(configs);
    }

    /**
     * As durable as its source (a dead letter is a record nobody has applied yet), kept
     * {@link #DEAD_LETTER_RETENTION} and never compacted: every dead letter of a key stays.
     */
    public NewTopic newDeadLetterTopic(short replicas) {
        return newDeadLetterTopic(topicName, replicas);
    }

    /** The dead-letter topic of {@link #newTopic(String, short)}'s topic {@code name}. */
    public NewTopic newDeadLetterTopic(String name, short replicas) {
        var configs = new java.util.HashMap<String, String>(durability(replicas));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION.toMillis()));
        return new NewTopic(name + DEAD_LETTER_SUFFIX, DEAD_LETTER_PARTITIONS, replicas).configs(configs);
    }

    /** With more than one replica, a write must reach all but one of them before it is acknowledged. */
    private static Map<String, String> durability(short replicas) {
        return replicas > 1
                ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicas - 1))
                : Map.of();
    }

    public static Topic byName(String topicName) {
        for (Topic topic : values()) {
            if (topic.topicName.equals(topicName)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Not a Switchboard topic: " + topicName);
    }

    public enum Cleanup {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
        COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT),
        /** The latest value per key, and none older than the retention. */
        COMPACT_AND_DELETE(TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);

        private final String policy;

        Cleanup(String policy) {
            this.policy = policy;
        }
    }
}
