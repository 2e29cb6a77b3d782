package io.switchboard.simulator.inbound;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The incoming numbers registered at runtime, by number. */
@Component
class NumberRegistry {

    private final Map<String, IncomingNumber> numbers = new ConcurrentHashMap<>();

    void register(IncomingNumber number) {
        numbers.put(number.number(), number);
    }

    Optional<IncomingNumber> find(String number) {
        return Optional.ofNullable(numbers.get(number));
    }

    List<IncomingNumber> all() {
        return numbers.values().stream()
                .sorted(Comparator.comparing(IncomingNumber::number))
                .toList();
    }
}
