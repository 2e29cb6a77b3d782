package io.switchboard.dialer.request.publisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may ask the dialer for calls, and for which accounts ({@code switchboard.dialer.intake.*}).
 *
 * <p>Kafka tells a consumer nothing about who produced a record, so authority comes from where it was
 * written: each publisher has a topic of its own, the broker's ACLs let only the publisher's principal
 * write to it ({@link PublisherTopicAcls} checks that at start-up), and a request read from that topic
 * is dialed only for the accounts configured here.
 *
 * @param publishers  by name; the name appears in rejections and logs
 * @param verifyAcls  check at start-up that each publisher's topic is writable by its principal alone, and
 *                    refuse to start otherwise; off only where the broker has no authorizer and one trusted
 *                    principal publishes (the local stack)
 */
@ConfigurationProperties("switchboard.dialer.intake")
public record CallRequestPublishers(
        Map<String, Publisher> publishers,
        @DefaultValue("true") boolean verifyAcls) {

    /** The bean holding {@link #topics()}, for the listener's {@code topics} expression. */
    public static final String TOPICS_BEAN = "callRequestTopics";

    /** Where this publisher's topic name comes from when it is not configured. */
    static final String TOPIC_PREFIX = "switchboard.call-requests.";

    static final String TOPIC_SUFFIX = ".v1";

    public CallRequestPublishers {
        var named = new LinkedHashMap<String, Publisher>();
        (publishers == null ? Map.<String, Publisher>of() : publishers)
                .forEach((name, publisher) -> named.put(name, publisher.named(name)));
        if (named.isEmpty()) {
            throw new IllegalArgumentException("switchboard.dialer.intake.publishers names no publisher: "
                    + "configure each system that publishes call requests, its Kafka principal and its accounts");
        }
        var topics = new TreeSet<String>();
        named.values().forEach(publisher -> {
            if (!topics.add(publisher.topic())) {
                throw new IllegalArgumentException(
                        "switchboard.dialer.intake.publishers: two publishers share the topic " + publisher.topic()
                                + ", so neither one's authority could be told apart");
            }
        });
        publishers = Map.copyOf(named);
    }

    /** The publisher whose topic this is; empty for a topic no publisher is configured on. */
    public Optional<Publisher> ofTopic(String topic) {
        return publishers.values().stream()
                .filter(publisher -> publisher.topic().equals(topic))
                .findFirst();
    }

    /** Every publisher's topic, in a stable order: what the call-request listener reads. */
    public List<String> topics() {
        return publishers.values().stream().map(Publisher::topic).sorted().toList();
    }

    /**
     * One system that publishes call requests.
     *
     * @param name      the key it is configured under
     * @param principal its Kafka principal as the broker's authorizer names it, e.g. {@code User:crm}
     * @param topic     the topic only it may write to; {@code switchboard.call-requests.<name>.v1} by default
     * @param accounts  the accounts it may request calls for; {@code *} for any account, which only a
     *                  single-tenant installation should configure
     */
    public record Publisher(String name, String principal, String topic, Set<String> accounts) {

        public static final String ANY_ACCOUNT = "*";

        public Publisher {
            accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        }

        Publisher named(String name) {
            String property = "switchboard.dialer.intake.publishers." + name;
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException(
                        property + ": a publisher's name is lower-case letters, digits and dashes");
            }
            if (principal == null || !principal.matches("[A-Za-z]+:.+")) {
                throw new IllegalArgumentException(
                        property + ".principal must be a Kafka principal such as User:" + name);
            }
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException(property + ".accounts names no account");
            }
            String ownTopic = topic == null || topic.isBlank() ? TOPIC_PREFIX + name + TOPIC_SUFFIX : topic;
            return new Publisher(name, principal, ownTopic, accounts);
        }

        public boolean mayRequestFor(String accountId) {
            return accountId != null && (accounts.contains(ANY_ACCOUNT) || accounts.contains(accountId));
        }
    }
}
