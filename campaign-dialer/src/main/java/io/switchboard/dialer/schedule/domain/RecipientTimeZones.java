package io.switchboard.dialer.schedule.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The time zones a phone number may be in, by libphonenumber's mapper: one for most numbers, several where a
 * country or an area code spans zones (a US toll-free number, a Russian mobile), none when it does not know.
 */
public final class RecipientTimeZones {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private RecipientTimeZones() {}

    /** The zones of an E.164 number, empty when libphonenumber knows none (or the number does not parse). */
    public static List<ZoneId> of(String e164) {
        PhoneNumber number;
        try {
            number = NUMBERS.parse(e164, null);
        } catch (NumberParseException e) {
            return List.of();
        }
        return ZONES.getTimeZonesForNumber(number).stream()
                .filter(zone -> !zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                .flatMap(zone -> {
                    try {
                        return Stream.of(ZoneId.of(zone));
                    } catch (DateTimeException e) {
                        return Stream.empty();
                    }
                })
                .distinct()
                .toList();
    }
}
