package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc2822TimestampsTests {

    @Test
    void whenTwilioWritesADateThenItIsTheInstantTheJdkReads() {
        assertThat(Rfc2822Timestamps.parse("Tue, 04 Jul 2023 18:43:02 +0000"))
                .isEqualTo(Instant.parse("2023-07-04T18:43:02Z"));
        assertThat(Rfc2822Timestamps.parse("Sat, 29 Feb 2020 23:59:59 -0130"))
                .isEqualTo(Instant.parse("2020-03-01T01:29:59Z"));
        var random = new Random(2822);
        for (int i = 0; i < 10_000; i++) {
            var time = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L))
                    .atOffset(ZoneOffset.ofHoursMinutes(random.nextInt(-12, 15), 0));
            String text = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", java.util.Locale.ENGLISH)
                    .format(time);

            assertThat(Rfc2822Timestamps.parse(text))
                    .as(text)
                    .isEqualTo(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Tue, 4 Jul 2023 18:43:02 +0000", "Tue, 04 Jul 2023 18:43:02 GMT", "04 Jul 2023 18:43:02 +0000"})
    void whenTheDateHasAnotherRfcShapeThenTheGeneralParserReadsIt(String text) {
        assertThat(Rfc2822Timestamps.parse(text)).isEqualTo(Instant.parse("2023-07-04T18:43:02Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Wed, 04 Jul 2023 18:43:02 +0000",
                "Tue, 31 Jun 2023 18:43:02 +0000",
                "Tue, 04 Jly 2023 18:43:02 +0000",
                "Tue, 04 Jul 2023 24:43:02 +0000",
                "Tue, 04 Jul 2023 18:43:02 *0000",
                "Tue, 04 Jul 2O23 18:43:02 +0000",
                "Tue, 04 Jul 2023 18:43:02 +9900",
                "Tue, 04 Jul 2023 18:43:02 +00000",
                "yesterday",
                ""
            })
    void whenTheTextIsNotAnRfc2822DateThenRefused(String text) {
        assertThatThrownBy(() -> Rfc2822Timestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
