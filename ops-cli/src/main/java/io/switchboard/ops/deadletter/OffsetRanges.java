package io.switchboard.ops.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Offsets as an operator writes them: {@code 3,5-9}. */
record OffsetRanges(List<Range> ranges) {

    /** More than anyone re-drives by naming offsets; {@code --all-unhandled} or {@code --reason} is for bulk. */
    static final long MAX_RANGE = 100_000;

    record Range(long first, long last) {
        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    boolean contains(long offset) {
        return ranges.stream().anyMatch(range -> offset >= range.first() && offset <= range.last());
    }

    /** The requested offsets not in {@code found}, written as ranges again; empty when all were found. */
    String missingFrom(Set<Long> found) {
        var missing = new ArrayList<Range>();
        for (Range range : ranges) {
            Long start = null;
            for (long step = 0; step <= range.last() - range.first(); step++) {
                long offset = range.first() + step;
                if (!found.contains(offset) && start == null) {
                    start = offset;
                } else if (found.contains(offset) && start != null) {
                    missing.add(new Range(start, offset - 1));
                    start = null;
                }
            }
            if (start != null) {
                missing.add(new Range(start, range.last()));
            }
        }
        return missing.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    static final class Converter implements ITypeConverter<OffsetRanges> {
        @Override
        public OffsetRanges convert(String text) {
            var ranges = new ArrayList<Range>();
            for (String part : text.split(",")) {
                String[] bounds = part.strip().split("-", -1);
                try {
                    long first = Long.parseLong(bounds[0].strip());
                    long last = bounds.length == 2 ? Long.parseLong(bounds[1].strip()) : first;
                    if (bounds.length > 2 || first < 0 || last < first) {
                        throw new NumberFormatException();
                    }
                    if (last - first >= MAX_RANGE) {
                        throw new TypeConversionException("'" + part + "' spans more than " + MAX_RANGE + " offsets");
                    }
                    ranges.add(new Range(first, last));
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + part + "' is not an offset or a range of offsets like 5-9");
                }
            }
            return new OffsetRanges(List.copyOf(ranges));
        }
    }
}
