package io.switchboard.dialer.account.domain;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * One spelling per number: libphonenumber's E.164 of a valid number. A request's caller id and an
 * account's numbers are compared in it, so that two spellings of one number are one number.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number's E.164 form, empty when it is not a valid international number. */
    public static Optional<String> normalized(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(number, null);
            return UTIL.isValidNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
