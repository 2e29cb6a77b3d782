package io.switchboard.simulator.call.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.switchboard.simulator.call.domain.SimulatedCall;
import org.springframework.util.MultiValueMap;

/**
 * The filters of Twilio's "read multiple calls": To, From, Status, ParentCallSid and StartTime (on a day),
 * {@code StartTime<} (on or before) and {@code StartTime>} (on or after). Dates are YYYY-MM-DD in UTC as
 * Twilio documents them; the Java SDK sends YYYY-MM-DDTHH:MM:SS, which is taken as that UTC instant.
 */
record CallsQuery(Map<String, String> filters) {

    private static final List<String> NAMES =
            List.of("To", "From", "Status", "ParentCallSid", "StartTime", "StartTime<", "StartTime>");

    static CallsQuery of(MultiValueMap<String, String> query) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.trim());
            }
        }
        filters.forEach((name, value) -> {
            if (name.startsWith("StartTime")) {
                parse(name, value);
            }
        });
        return new CallsQuery(filters);
    }

    boolean matches(SimulatedCall call) {
        Instant started = call.state().startTime();
        return equal("To", call.spec().to())
                && equal("From", call.spec().from())
                && equal("Status", call.state().status().wire())
                && !filters.containsKey("ParentCallSid") // the simulator makes no child legs
                && onDay(started)
                && notAfter(started)
                && notBefore(started);
    }

    /** The filters as a query string, the way Twilio repeats them in its page URIs. */
    String queryString() {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) ->
                query.append(encode(name)).append('=').append(encode(value)).append('&'));
        return query.toString();
    }

    private boolean equal(String name, String actual) {
        String wanted = filters.get(name);
        return wanted == null || Objects.equals(wanted, actual);
    }

    private boolean onDay(Instant started) {
        String day = filters.get("StartTime");
        if (day == null) {
            return true;
        }
        return started != null
                && started.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(parse("StartTime", day).atZone(ZoneOffset.UTC).toLocalDate());
    }

    private boolean notAfter(Instant started) {
        String limit = filters.get("StartTime<");
        if (limit == null) {
            return true;
        }
        Instant bound = parse("StartTime<", limit);
        return started != null && !started.isAfter(bound);
    }

    private boolean notBefore(Instant started) {
        String limit = filters.get("StartTime>");
        return limit == null || (started != null && !started.isBefore(parse("StartTime>", limit)));
    }

    /** Midnight UTC of a date, or the instant of a date-time; anything else is Twilio's 20001. */
    private static Instant parse(String name, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw TwilioApiException.badRequest(20001, "Invalid " + name + ": " + value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
