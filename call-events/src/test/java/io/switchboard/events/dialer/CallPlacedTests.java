package io.switchboard.events.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.envelope.EventJson;
import org.junit.jupiter.api.Test;

class CallPlacedTests {

    private static final Instant AT = Instant.parse("2025-03-14T09:24:40.218Z");

    @Test
    void whenAnEventWrittenBeforeMetadataTravelledIsReadThenItsMetadataIsEmpty() {
        String before = """
                {"requestId":"r1","accountId":"acme","callId":"CA1","provider":"twilio",
                 "from":"+14155550100","to":"+442071838750","assistantId":null,"timeLimitSeconds":600,
                 "placedAt":"2025-03-14T09:24:40.218Z"}
                """;

        CallPlaced placed = EventJson.read(before.getBytes(StandardCharsets.UTF_8), CallPlaced.class);

        assertThat(placed.metadata()).isEmpty();
    }

    @Test
    void whenWrittenAndReadThenTheMetadataKeepsThePublishersOrder() {
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("zone", "emea");
        metadata.put("campaign", "renewals");
        metadata.put("customerRef", "CRM-187");

        CallPlaced read = EventJson.read(EventJson.write(placed(metadata)), CallPlaced.class);

        assertThat(read.metadata())
                .containsExactly(
                        Map.entry("zone", "emea"),
                        Map.entry("campaign", "renewals"),
                        Map.entry("customerRef", "CRM-187"));
    }

    private static CallPlaced placed(Map<String, String> metadata) {
        return new CallPlaced("r1", "acme", "CA1", "twilio", "+14155550100", "+442071838750", null, 600, AT, metadata);
    }
}
