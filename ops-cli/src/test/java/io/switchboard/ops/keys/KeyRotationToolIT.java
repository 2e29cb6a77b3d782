package io.switchboard.ops.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.topic.Topic;
import io.switchboard.ops.KafkaConnection;
import io.switchboard.ops.OpsCommandLine;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestKeyRotation;
import io.switchboard.testsupport.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard-ops keys}, run in-process against the real broker, on the compacted topics as the
 * services write them: accounts with sealed credentials, wallets and call states signed (and sealed) with
 * keys about to be retired. Each test rotates keys of its own and names its own accounts, so the counts it
 * reads are its own on topics other tests write too; another test's records do not verify with its keys,
 * and are left as they are.
 */
class KeyRotationToolIT {

    private static final String KAFKA = SharedKafkaBroker.bootstrapServers();
    private static final String ORCHESTRATOR_SOURCE = "/switchboard/call-orchestrator";
    private static final String BILLING_SOURCE = "/switchboard/billing-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SignedEvents publisher;

    private final TestKeyRotation orchestrator = TestKeyRotation.of(EventProducers.CALL_ORCHESTRATOR);
    private final TestKeyRotation billing = TestKeyRotation.of(EventProducers.BILLING_SERVICE);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    private Path directory;

    @BeforeAll
    static void compactedTopicsExist() throws Exception {
        try (var admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = SnapshotTopics.all().stream()
                    .map(topic -> topic.newTopic((short) 1))
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            admin.createTopics(missing).all().get();
        }
        publisher = new SignedEvents(KAFKA);
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    @Test
    void whenResignedThenNoLiveRecordIsLeftOnTheOldKeysAndAReplayTrustingOnlyTheNewOnesSeesEverything()
            throws Exception {
        // given: what the orchestrator and billing wrote before they switched keys
        List<String> accounts = List.of(id("acme"), id("globex"), id("initech"));
        for (String account : accounts) {
            publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), account, 1, orchestrator.oldSealingBox());
        }
        publishAccount(
                orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), accounts.get(0), 2, orchestrator.oldSealingBox());
        for (String account : accounts.subList(0, 2)) {
            publisher.send(
                    Topic.WALLETS,
                    account,
                    billing.oldEnvelopes(BILLING_SOURCE)
                            .wrap(
                                    EventTypes.WALLET_UPDATED,
                                    EventIds.of("wallet", account),
                                    account,
                                    Snapshots.AT,
                                    Snapshots.wallet(account, "12.50")));
        }
        List<String> calls = Stream.of("CA1", "CA2", "CA3")
                .map(callId -> publishCall(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), accounts.get(1), callId))
                .toList();
        assertThat(statusOf(Topic.ACCOUNTS)
                        .path("signedBy")
                        .path(orchestrator.oldKey().keyId())
                        .asInt())
                .isEqualTo(3);

        // when
        OpsCommandLine.Run accountsResigned = resign(Topic.ACCOUNTS, orchestrator);
        OpsCommandLine.Run walletsResigned = resign(Topic.WALLETS, billing);
        OpsCommandLine.Run callsResigned = resign(Topic.CALL_STATES, orchestrator);

        // then the old keys hold no live record any more
        assertThat(List.of(accountsResigned, walletsResigned, callsResigned))
                .allSatisfy(resigned ->
                        assertThat(resigned.exitCode()).as(resigned.err()).isZero());
        assertThat(accountsResigned.out())
                .contains(Topic.ACCOUNTS.topicName() + ": 3 re-signed with "
                        + orchestrator.newKey().keyId() + ", sealing " + orchestrator.newSealingKeyId());
        JsonNode accountsStatus = statusOf(Topic.ACCOUNTS);
        assertThat(accountsStatus.path("signedBy").has(orchestrator.oldKey().keyId()))
                .isFalse();
        assertThat(accountsStatus
                        .path("signedBy")
                        .path(orchestrator.newKey().keyId())
                        .asInt())
                .isEqualTo(3);
        assertThat(accountsStatus.path("sealedWith").has(orchestrator.oldSealingKeyId()))
                .isFalse();
        assertThat(accountsStatus
                        .path("sealedWith")
                        .path(orchestrator.newSealingKeyId())
                        .asInt())
                .isEqualTo(3);
        JsonNode walletsStatus = statusOf(Topic.WALLETS);
        assertThat(walletsStatus.path("signedBy").has(billing.oldKey().keyId())).isFalse();
        assertThat(walletsStatus.path("signedBy").path(billing.newKey().keyId()).asInt())
                .isEqualTo(2);
        JsonNode callsStatus = statusOf(Topic.CALL_STATES);
        assertThat(callsStatus.path("signedBy").has(orchestrator.oldKey().keyId()))
                .isFalse();
        assertThat(callsStatus
                        .path("signedBy")
                        .path(orchestrator.newKey().keyId())
                        .asInt())
                .isEqualTo(3);

        // and a replay that trusts only the new keys, and opens with the new sealing key only, loses nothing
        EventEnvelopes newKeysOnly = TestKeyRotation.readerTrustingOnlyNewKeys("/test/reader", orchestrator, billing);
        SecretBox newSealingKeyOnly = orchestrator.newSealingBoxOnly();
        Map<String, AccountConfigured> replayedAccounts =
                latestReplayed(Topic.ACCOUNTS, newKeysOnly, accounts, EventTypes.ACCOUNT_CONFIGURED.payloadType());
        assertThat(replayedAccounts).containsOnlyKeys(accounts);
        replayedAccounts.forEach((account, configured) -> {
            long revision = account.equals(accounts.get(0)) ? 2 : 1;
            assertThat(configured.revision()).isEqualTo(revision);
            assertThat(newSealingKeyOnly.open(
                            configured.credentials().getFirst().sealedSecret(), account))
                    .isEqualTo(token(account, revision));
        });
        Map<String, WalletUpdated> replayedWallets = latestReplayed(
                Topic.WALLETS, newKeysOnly, accounts.subList(0, 2), EventTypes.WALLET_UPDATED.payloadType());
        assertThat(replayedWallets.values())
                .extracting(wallet -> wallet.balance().toPlainString())
                .containsExactly("12.50", "12.50");
        Map<String, CallStateChanged> replayedCalls =
                latestReplayed(Topic.CALL_STATES, newKeysOnly, calls, EventTypes.CALL_STATE_CHANGED.payloadType());
        assertThat(replayedCalls).containsOnlyKeys(calls);
        assertThat(replayedCalls.values()).extracting(CallStateChanged::status).containsOnly(CallStatus.COMPLETED);

        // and a reader that still trusts both takes each copy as the configuration it holds, never as older
        assertThat(configurationsOlderThanOneReadBefore(orchestrator.newEnvelopes("/test/reader"), accounts))
                .isZero();
    }

    @Test
    void whenTheServiceWritesNewerRecordsMeanwhileThenTheyEndUpLatestVerbatimOrResigned() throws Exception {
        // given: two accounts on the old keys, and what the orchestrator writes while the command runs
        String switched = id("acme");
        String notSwitched = id("globex");
        publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), switched, 1, orchestrator.oldSealingBox());
        publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), notSwitched, 1, orchestrator.oldSealingBox());
        SecretBox activeBox = orchestrator.newSealingBoxOnly();
        CloudEvent switchedSecond =
                accountEvent(orchestrator.newEnvelopes(ORCHESTRATOR_SOURCE), switched, 2, activeBox);
        CloudEvent switchedThird = accountEvent(orchestrator.newEnvelopes(ORCHESTRATOR_SOURCE), switched, 3, activeBox);
        CloudEvent notSwitchedSecond = accountEvent(
                orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), notSwitched, 2, orchestrator.oldSealingBox());
        Map<String, Deque<CloudEvent>> writtenBeforeNextCopy = new HashMap<>(Map.of(
                switched, new ArrayDeque<>(List.of(switchedSecond, switchedThird)),
                notSwitched, new ArrayDeque<>(List.of(notSwitchedSecond))));
        var resigner = new Resigner(ServiceKeys.load(serviceConfig(orchestrator)));
        var out = new StringWriter();

        // when the command re-signs, the service writes a newer record of the key just before each copy
        KafkaConnection kafka = CommandLine.populateCommand(new KafkaConnection(), "--bootstrap-servers", KAFKA);
        try (var consumer = kafka.consumer();
                var producer = kafka.producer()) {
            Producer<byte[], byte[]> racing = spy(producer);
            doAnswer(invocation -> {
                        ProducerRecord<byte[], byte[]> copy = invocation.getArgument(0);
                        String key = new String(copy.key(), StandardCharsets.UTF_8);
                        Deque<CloudEvent> meanwhile = writtenBeforeNextCopy.get(key);
                        if (meanwhile != null && !meanwhile.isEmpty()) {
                            publisher.send(Topic.ACCOUNTS, key, meanwhile.poll());
                        }
                        return invocation.callRealMethod();
                    })
                    .when(racing)
                    .send(any(ProducerRecord.class));
            ResignPlan plan = new ResignPlanner(resigner).plan(Topic.ACCOUNTS, consumer);
            var publishing = new ResignPublisher(consumer, racing, resigner, new PrintWriter(out, true));
            for (ResignPlan.Partition partition : plan.partitions()) {
                publishing.publish(partition);
            }
        }

        // then the newest record of each is its latest: as written when already signed with the current key
        assertThat(writtenBeforeNextCopy.values().stream().mapToInt(Deque::size).sum())
                .as("records the service had yet to write")
                .isZero();
        ConsumerRecord<String, byte[]> switchedLatest = latestRecord(Topic.ACCOUNTS, switched);
        assertThat(KafkaRecords.header(switchedLatest, "ce_signature"))
                .isEqualTo(switchedThird.getExtension(EventSigner.SIGNATURE_EXTENSION));
        assertThat(EventJson.read(switchedLatest.value(), AccountConfigured.class)
                        .revision())
                .isEqualTo(3);
        ConsumerRecord<String, byte[]> notSwitchedLatest = latestRecord(Topic.ACCOUNTS, notSwitched);
        assertThat(KafkaRecords.header(notSwitchedLatest, "ce_sigkeyid"))
                .isEqualTo(orchestrator.newKey().keyId());
        AccountConfigured notSwitchedConfiguration = EventJson.read(notSwitchedLatest.value(), AccountConfigured.class);
        assertThat(notSwitchedConfiguration.revision()).isEqualTo(2);
        assertThat(orchestrator
                        .newSealingBoxOnly()
                        .open(notSwitchedConfiguration.credentials().getFirst().sealedSecret(), notSwitched))
                .isEqualTo(token(notSwitched, 2));
        assertThat(out.toString())
                .contains("written meanwhile")
                .contains("produced again as it is")
                .contains("produced again re-signed");

        // and a replay trusting only the new keys ends with the newest revision of each
        Map<String, AccountConfigured> replayed = latestReplayed(
                Topic.ACCOUNTS,
                TestKeyRotation.readerTrustingOnlyNewKeys("/test/reader", orchestrator),
                List.of(switched, notSwitched),
                AccountConfigured.class);
        assertThat(replayed.get(switched).revision()).isEqualTo(3);
        assertThat(replayed.get(notSwitched).revision()).isEqualTo(2);
    }

    @Test
    void whenAnEarlierRunFailedAfterSendingItsCopiesThenARecordLeftUnderOneIsProducedAgain() throws Exception {
        // given: a run read an account, the orchestrator wrote a newer revision, the run's copy of the older one
        // followed, and the run ended before it could check (it failed)
        String account = id("acme");
        publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), account, 1, orchestrator.oldSealingBox());
        CloudEvent second = accountEvent(
                orchestrator.newEnvelopes(ORCHESTRATOR_SOURCE), account, 2, orchestrator.newSealingBoxOnly());
        var resigner = new Resigner(ServiceKeys.load(serviceConfig(orchestrator)));
        KafkaConnection kafka = CommandLine.populateCommand(new KafkaConnection(), "--bootstrap-servers", KAFKA);
        try (var consumer = kafka.consumer();
                var producer = kafka.producer()) {
            ResignPlan plan = new ResignPlanner(resigner).plan(Topic.ACCOUNTS, consumer);
            publisher.send(Topic.ACCOUNTS, account, second);
            for (ResignPlan.Partition partition : plan.partitions()) {
                for (Resign resign : partition.resigns()) {
                    producer.send(resign.record()).get();
                }
            }
        }
        assertThat(EventJson.read(latestRecord(Topic.ACCOUNTS, account).value(), AccountConfigured.class)
                        .revision())
                .isEqualTo(1);

        // when
        OpsCommandLine.Run resigned = resign(Topic.ACCOUNTS, orchestrator);

        // then
        assertThat(resigned.exitCode()).as(resigned.err()).isZero();
        assertThat(line(resigned.out(), "key=" + account)).contains("was left under an earlier run's copy");
        ConsumerRecord<String, byte[]> latest = latestRecord(Topic.ACCOUNTS, account);
        assertThat(EventJson.read(latest.value(), AccountConfigured.class).revision())
                .isEqualTo(2);
        assertThat(KafkaRecords.header(latest, "ce_signature"))
                .isEqualTo(second.getExtension(EventSigner.SIGNATURE_EXTENSION));
    }

    @Test
    void whenARecordFailsVerificationThenItIsReportedAndLeftAsItIs() throws Exception {
        // given: a configuration whose data was altered after it was signed, and one signed with a key nobody trusts
        String altered = id("altered");
        String untrusted = id("untrusted");
        CloudEvent signed =
                accountEvent(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), altered, 1, orchestrator.oldSealingBox());
        publisher.send(
                Topic.ACCOUNTS,
                altered,
                CloudEventBuilder.v1(signed)
                        .withData(
                                EventJson.write(Snapshots.account(altered, 9, "stolen", orchestrator.oldSealingBox())))
                        .build());
        publisher.send(
                Topic.ACCOUNTS,
                untrusted,
                accountEvent(
                        TestKeyRotation.of(EventProducers.CALL_ORCHESTRATOR).oldEnvelopes(ORCHESTRATOR_SOURCE),
                        untrusted,
                        1,
                        orchestrator.oldSealingBox()));
        long alteredOffset = latestRecord(Topic.ACCOUNTS, altered).offset();
        long untrustedOffset = latestRecord(Topic.ACCOUNTS, untrusted).offset();

        // when
        OpsCommandLine.Run resigned = resign(Topic.ACCOUNTS, orchestrator);

        // then
        assertThat(resigned.exitCode()).as(resigned.err()).isZero();
        assertThat(line(resigned.out(), "key=" + altered))
                .contains("left as it is: it does not verify")
                .contains("fails its signature");
        assertThat(line(resigned.out(), "key=" + untrusted))
                .contains("left as it is: it does not verify")
                .contains("untrusted key");
        assertThat(latestRecord(Topic.ACCOUNTS, altered).offset()).isEqualTo(alteredOffset);
        assertThat(latestRecord(Topic.ACCOUNTS, untrusted).offset()).isEqualTo(untrustedOffset);
        assertThat(statusOf(Topic.ACCOUNTS)
                        .path("signedBy")
                        .path(orchestrator.oldKey().keyId())
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void whenDryRunThenItListsWhatItWouldResignAndSendsNothing() throws Exception {
        // given
        List<String> wallets = List.of(id("acme"), id("globex"));
        for (String account : wallets) {
            publisher.send(
                    Topic.WALLETS,
                    account,
                    billing.oldEnvelopes(BILLING_SOURCE)
                            .wrap(
                                    EventTypes.WALLET_UPDATED,
                                    EventIds.of("wallet", account),
                                    account,
                                    Snapshots.AT,
                                    Snapshots.wallet(account, "3.00")));
        }
        Map<TopicPartition, Long> before = endOffsets(Topic.WALLETS);

        // when
        OpsCommandLine.Run dryRun = OpsCommandLine.onBroker(
                KAFKA,
                "keys",
                "resign",
                "--topic",
                Topic.WALLETS.topicName(),
                "--service-config",
                serviceConfig(billing).toString(),
                "--dry-run");

        // then
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(wallets)
                .allSatisfy(account -> assertThat(line(dryRun.out(), "key=" + account))
                        .startsWith("would re-sign ")
                        .contains("signed by " + billing.oldKey().keyId()));
        assertThat(dryRun.out())
                .contains("2 would be re-signed with " + billing.newKey().keyId())
                .contains("nothing was sent");
        assertThat(endOffsets(Topic.WALLETS)).isEqualTo(before);
        assertThat(statusOf(Topic.WALLETS)
                        .path("signedBy")
                        .path(billing.oldKey().keyId())
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void whenTheKeyBelongsToAnotherServiceThenItIsRefusedWithExitCode2AndNothingChanges() throws Exception {
        // given
        String account = id("acme");
        publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), account, 1, orchestrator.oldSealingBox());
        Map<TopicPartition, Long> before = endOffsets(Topic.ACCOUNTS);

        // when billing's keys are given for the orchestrator's topic
        OpsCommandLine.Run refused = resign(Topic.ACCOUNTS, billing);

        // then
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err())
                .contains("refused:")
                .contains(EventTypes.ACCOUNT_CONFIGURED.token() + ", which only call-orchestrator may sign")
                .contains("belongs to billing-service");
        assertThat(endOffsets(Topic.ACCOUNTS)).isEqualTo(before);
    }

    @Test
    void whenRunAgainThenThereIsNothingLeftToDoAndNothingIsSent() throws Exception {
        // given: call states re-signed once
        publishCall(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), id("acme"), "CA1");
        publishCall(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), id("acme"), "CA2");
        OpsCommandLine.Run first = resign(Topic.CALL_STATES, orchestrator);
        assertThat(first.out())
                .contains(": 2 re-signed with " + orchestrator.newKey().keyId());
        Map<TopicPartition, Long> before = endOffsets(Topic.CALL_STATES);

        // when
        OpsCommandLine.Run again = resign(Topic.CALL_STATES, orchestrator);

        // then
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .contains(": 0 re-signed with " + orchestrator.newKey().keyId());
        assertThat(endOffsets(Topic.CALL_STATES)).isEqualTo(before);
    }

    @Test
    void whenStatusIsPrintedThenEachKeyIdHasARowPerTopicWithItsLiveKeys() throws Exception {
        // given
        String account = id("acme");
        publishAccount(orchestrator.oldEnvelopes(ORCHESTRATOR_SOURCE), account, 1, orchestrator.oldSealingBox());

        // when
        OpsCommandLine.Run status = OpsCommandLine.onBroker(KAFKA, "keys", "status");

        // then
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(line(status.out(), orchestrator.oldKey().keyId()).split(" +"))
                .containsExactly(
                        Topic.ACCOUNTS.topicName(),
                        "signing",
                        orchestrator.oldKey().keyId(),
                        "1");
        assertThat(line(status.out(), orchestrator.oldSealingKeyId()).split(" +"))
                .containsExactly(Topic.ACCOUNTS.topicName(), "sealing", orchestrator.oldSealingKeyId(), "1");
        assertThat(status.out())
                .contains(Topic.WALLETS.topicName() + ": ")
                .contains(Topic.CALL_STATES.topicName() + ": ");
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private static String token(String account, long revision) {
        return "token-" + account + "-" + revision;
    }

    private static void publishAccount(EventEnvelopes envelopes, String account, long revision, SecretBox box) {
        publisher.send(Topic.ACCOUNTS, account, accountEvent(envelopes, account, revision, box));
    }

    private static CloudEvent accountEvent(EventEnvelopes envelopes, String account, long revision, SecretBox box) {
        AccountConfigured configured = Snapshots.account(account, revision, token(account, revision), box);
        return envelopes.wrap(
                EventTypes.ACCOUNT_CONFIGURED,
                EventIds.of("account", account, Long.toString(revision)),
                account,
                configured.configuredAt(),
                configured);
    }

    /** @return the call key it is filed under */
    private static String publishCall(EventEnvelopes envelopes, String account, String callId) {
        CallStateChanged state = Snapshots.call(account, callId, CallStatus.COMPLETED);
        String key = CallKey.of(state).canonical();
        publisher.send(
                Topic.CALL_STATES,
                key,
                envelopes.wrap(EventTypes.CALL_STATE_CHANGED, EventIds.of("call", key), key, Snapshots.AT, state));
        return key;
    }

    private OpsCommandLine.Run resign(Topic topic, TestKeyRotation keys) throws IOException {
        return OpsCommandLine.onBroker(
                KAFKA,
                "keys",
                "resign",
                "--topic",
                topic.topicName(),
                "--service-config",
                serviceConfig(keys).toString());
    }

    /** The owning service's keys after the switch, as a properties file. */
    private Path serviceConfig(TestKeyRotation keys) throws IOException {
        Path file = directory.resolve(keys.producer() + ".properties");
        var properties = new Properties();
        properties.putAll(keys.serviceProperties());
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static JsonNode statusOf(Topic topic) {
        OpsCommandLine.Run status =
                OpsCommandLine.onBroker(KAFKA, "keys", "status", "--topic", topic.topicName(), "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return JSON.readTree(status.out().strip());
    }

    /** Each key's payload as a reader replaying the topic with {@code envelopes} ends up with. */
    private static <T> Map<String, T> latestReplayed(
            Topic topic, EventEnvelopes envelopes, List<String> keys, Class<T> payloadType) {
        var meters = new SimpleMeterRegistry();
        var replayer = new TopicReplayer(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA), envelopes, new EventRefusals(meters), meters);
        Map<String, T> latest = new LinkedHashMap<>();
        replayer.replayAllRecords(topic, (record, event) -> {
            if (keys.contains(record.key())) {
                latest.put(record.key(), payloadType.cast(event.payload()));
            }
        });
        return latest;
    }

    /** How many configurations of {@code accounts} a reader would refuse as older than one it read before. */
    private static long configurationsOlderThanOneReadBefore(EventEnvelopes envelopes, List<String> accounts) {
        var meters = new SimpleMeterRegistry();
        var replayer = new TopicReplayer(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA), envelopes, new EventRefusals(meters), meters);
        Map<String, AccountConfigured> newest = new HashMap<>();
        long[] older = {0};
        replayer.replayAllRecords(Topic.ACCOUNTS, (record, event) -> {
            if (accounts.contains(record.key()) && event.is(EventTypes.ACCOUNT_CONFIGURED)) {
                AccountConfigured configured =
                        event.as(EventTypes.ACCOUNT_CONFIGURED).payload();
                AccountConfigured before = newest.get(record.key());
                if (before != null && configured.isOlderThan(before.revisionOrZero(), before.configuredAt())) {
                    older[0]++;
                } else {
                    newest.put(record.key(), configured);
                }
            }
        });
        return older[0];
    }

    private static ConsumerRecord<String, byte[]> latestRecord(Topic topic, String key) {
        return TopicContents.records(KAFKA, topic.topicName(), IsolationLevel.READ_COMMITTED).stream()
                .filter(record -> key.equals(record.key()) && record.value() != null)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no record of " + key + " on " + topic.topicName()));
    }

    private static String line(String text, String containing) {
        return text.lines()
                .filter(line -> line.contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + text));
    }

    private static Map<TopicPartition, Long> endOffsets(Topic topic) throws Exception {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        for (int partition = 0; partition < topic.partitions(); partition++) {
            request.put(new TopicPartition(topic.topicName(), partition), OffsetSpec.latest());
        }
        try (var admin = admin()) {
            var offsets = new HashMap<TopicPartition, Long>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA));
    }
}
