package io.switchboard.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class OffsetRangesTests {

    private final OffsetRanges.Converter converter = new OffsetRanges.Converter();

    @Test
    void whenOffsetsAndRangesAreGivenThenEachOffsetInThemIsChosen() {
        // when
        OffsetRanges offsets = converter.convert("3, 5-9,12");

        // then
        assertThat(offsets.contains(3)).isTrue();
        assertThat(offsets.contains(4)).isFalse();
        assertThat(offsets.contains(5)).isTrue();
        assertThat(offsets.contains(9)).isTrue();
        assertThat(offsets.contains(10)).isFalse();
        assertThat(offsets.contains(12)).isTrue();
    }

    @Test
    void whenSomeOffsetsWereNotFoundThenTheyAreNamedAsRanges() {
        // given
        OffsetRanges offsets = converter.convert("3,5-9,12");

        // when
        String missing = offsets.missingFrom(Set.of(3L, 5L, 8L));

        // then
        assertThat(missing).isEqualTo("6-7,9,12");
        assertThat(offsets.missingFrom(Set.of(3L, 5L, 6L, 7L, 8L, 9L, 12L))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-3", "9-5", "1-2-3", "1,,2", "0-100000"})
    void whenTheTextIsNotOffsetsThenItIsRejected(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }
}
