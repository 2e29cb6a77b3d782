package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.testing.RawExchange;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.fuzz.FuzzCase;
import io.switchboard.ingress.testing.fuzz.FuzzCategory;
import io.switchboard.ingress.testing.fuzz.FuzzLimits;
import io.switchboard.ingress.testing.fuzz.FuzzTally;
import io.switchboard.ingress.testing.fuzz.FuzzTargets;
import io.switchboard.ingress.testing.fuzz.FuzzTargets.TwilioAccount;
import io.switchboard.ingress.testing.fuzz.FuzzTargets.VapiAccount;
import io.switchboard.ingress.testing.fuzz.WebhookFuzzer;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TopicSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten thousand generated bad requests, from several connections at once, to every Twilio endpoint
 * and the VAPI endpoint: each gets a 4xx (or, for a body its client cut short, a closed
 * connection), never a 5xx or silence, and nothing is published on any topic. Some are correctly
 * signed but invalid, so the fuzz reaches the mapping behind the signature check. The seed is
 * printed; {@code -Dfuzz.seed=…} replays the same requests, {@code -Dfuzz.requests=…} sends more.
 */
class WebhookFuzzIT extends WebhookIngressITSupport {

    private static final int THREADS = 8;

    @LocalServerPort
    int port;

    @Autowired
    IngressProperties ingress;

    @Autowired
    VapiProperties vapi;

    @Test
    void whenThousandsOfBadRequestsArriveThenEveryOneIsRefusedWithA4xxAndNothingIsPublished() throws Exception {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int requests = Integer.getInteger("fuzz.requests", 10_000);
        var fuzzer = new WebhookFuzzer(
                seed,
                targets(),
                new FuzzLimits(
                        (int) ingress.maxBodySize().toBytes(),
                        (int) vapi.maxBodySize().toBytes(),
                        ingress.bodyTimeout()));
        var topics = TopicSnapshot.ofCatalogue(SharedKafkaBroker.bootstrapServers());
        var tally = new FuzzTally();
        long started = System.nanoTime();

        sendConcurrently(fuzzer, requests, tally);

        String report = "WebhookFuzzIT seed=" + seed + " (rerun with -Dfuzz.seed=" + seed + "), " + requests
                + " requests on " + THREADS + " connections in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms\n" + tally.summary();
        System.out.println(report);
        assertThat(tally.failures()).as(report).isEmpty();
        assertThat(tally.serverErrors()).as(report).isZero();
        assertThat(tally.total()).isEqualTo(requests);
        for (FuzzCategory category : FuzzCategory.values()) {
            assertThat(tally.count(category))
                    .as("requests of %s\n%s", category, report)
                    .isPositive();
        }
        // Correctly signed or authenticated, so these were refused by the mapping, past the signature check.
        assertThat(tally.count(FuzzCategory.SIGNED_INVALID_FIELDS, "400"))
                .isEqualTo(tally.count(FuzzCategory.SIGNED_INVALID_FIELDS));
        assertThat(tally.count(FuzzCategory.VAPI_AUTHENTICATED_INVALID, "400"))
                .isEqualTo(tally.count(FuzzCategory.VAPI_AUTHENTICATED_INVALID));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(describe(topics.recordsSince(IsolationLevel.READ_UNCOMMITTED)))
                        .as("records published on %d partitions of the catalogue's topics", topics.partitionCount())
                        .isEmpty());
    }

    private void sendConcurrently(WebhookFuzzer fuzzer, int requests, FuzzTally tally) throws Exception {
        var next = new AtomicInteger();
        Callable<Void> connection = () -> {
            for (int index = next.getAndIncrement(); index < requests; index = next.getAndIncrement()) {
                FuzzCase fuzzCase = fuzzer.generate(index);
                long sent = System.nanoTime();
                try {
                    var answers = RawExchange.send(
                            port, fuzzCase.request(), fuzzCase.closeOutput(), fuzzCase.answers(), fuzzCase.timeout());
                    tally.record(fuzzCase, answers, Duration.ofNanos(System.nanoTime() - sent));
                } catch (RuntimeException e) {
                    tally.error(fuzzCase, e, Duration.ofNanos(System.nanoTime() - sent));
                }
            }
            return null;
        };
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (var done : pool.invokeAll(
                    IntStream.range(0, THREADS).mapToObj(i -> connection).toList())) {
                done.get();
            }
        }
    }

    private static FuzzTargets targets() {
        return new FuzzTargets(
                PUBLIC_BASE_URL,
                new TwilioAccount(ACCOUNT, TwilioForms.ACCOUNT_SID, AUTH_TOKEN),
                new TwilioAccount(OTHER_ACCOUNT, OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN),
                VAPI_ONLY_ACCOUNT,
                new VapiAccount(SECRET_ACCOUNT, SECRET),
                new VapiAccount(HMAC_ACCOUNT, HMAC_SECRET));
    }

    private static List<String> describe(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> r.topic() + "-" + r.partition() + "@" + r.offset() + " key=" + r.key())
                .toList();
    }
}
