package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.ended;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Records billing can never charge go to call-states.v1-dlt with their reason; the consumer moves on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
// Only one billing instance may consume at a time (single replica): close this one before other IT classes.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CallStateDeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static BillingKafka kafka;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/billing-service");
    }

    @BeforeAll
    static void connect() {
        kafka = new BillingKafka(SharedKafkaBroker.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void whenSignatureTamperedThenDeadLetteredAndNextRecordCharged() {
        // given a signed completed call whose data was changed afterwards
        String account = newAccountId();
        String tamperedCall = newCallId();
        var signed = kafka.signed(completed(account, tamperedCall, 65));
        var forged = new String(signed.getData().toBytes(), StandardCharsets.UTF_8).replace("\"durationSeconds\":65",
                "\"durationSeconds\":1");
        var tampered = CloudEventBuilder.v1(signed).withData("application/json", forged.getBytes(StandardCharsets.UTF_8))
                .build();

        // when it is published, followed by a good record
        kafka.send(tamperedCall, tampered);
        String goodCall = newCallId();
        kafka.publish(completed(account, goodCall, 65));

        // then the forged record is in the DLT with its reason, and the good one is charged
        await().atMost(WAIT).until(() -> !kafka.deadLetters(tamperedCall).isEmpty());
        assertThat(BillingKafka.header(kafka.deadLetters(tamperedCall).getFirst(), "kafka_dlt-exception-message"))
                .contains("signature");
        await().atMost(WAIT).until(() -> kafka.charges(account, true).size() == 1);
        assertThat(kafka.charges(account, true)).extracting(CallCharged::callId).containsExactly(goodCall);
    }

    @Test
    void whenCompletedWithoutDurationThenDeadLetteredWithReason() {
        String account = newAccountId();
        String callId = newCallId();

        kafka.publish(ended(account, callId, CallStatus.COMPLETED, null));

        await().atMost(WAIT).until(() -> !kafka.deadLetters(callId).isEmpty());
        assertThat(BillingKafka.header(kafka.deadLetters(callId).getFirst(), "kafka_dlt-exception-message"))
                .contains("duration");
        assertThat(kafka.charges(account, true)).isEmpty();
    }

    @Test
    void whenWrongEventTypeOrNotACloudEventThenDeadLettered() {
        String wrongType = newCallId();
        String garbage = newCallId();

        kafka.send(wrongType, kafka.signed(EventTypes.WALLET_UPDATED, "wrong-" + wrongType, wrongType,
                new WalletUpdated("acme", BigDecimal.TEN, "USD", Instant.now())));
        kafka.sendRaw(garbage, "{not a cloud event");

        await().atMost(WAIT).until(() -> !kafka.deadLetters(wrongType).isEmpty() && !kafka.deadLetters(garbage).isEmpty());
        assertThat(BillingKafka.header(kafka.deadLetters(wrongType).getFirst(), "kafka_dlt-exception-message"))
                .contains("carries only");
        assertThat(BillingKafka.header(kafka.deadLetters(garbage).getFirst(), "kafka_dlt-exception-fqcn")).isNotBlank();
    }
}
