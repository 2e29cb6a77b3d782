package io.switchboard.dialer.pacing.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The part of a destination that carriers rate by: country code and area (national destination) code,
 * as libphonenumber knows them, e.g. {@code +1415} for {@code +14155550100}. A number libphonenumber cannot
 * split is its own prefix's country code, or the number itself when even that fails.
 */
public final class DestinationPrefix {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private DestinationPrefix() {}

    public static String of(String e164) {
        try {
            var number = UTIL.parse(e164, null);
            String national = UTIL.getNationalSignificantNumber(number);
            int areaLength = UTIL.getLengthOfNationalDestinationCode(number);
            return "+" + number.getCountryCode() + national.substring(0, Math.min(areaLength, national.length()));
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
