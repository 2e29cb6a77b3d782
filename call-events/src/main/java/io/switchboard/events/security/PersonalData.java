package io.switchboard.events.security;

/**
 * How personal data is shown to a caller without {@code calls:pii}: enough to tell records apart,
 * not enough to call anyone.
 */
public final class PersonalData {

    private static final int SHOWN_DIGITS = 2;

    private PersonalData() {}

    /** {@code +14155550199} becomes {@code +*********99}: every digit hidden but the last two. */
    public static String maskPhoneNumber(String number) {
        if (number == null) {
            return null;
        }
        long digits = number.chars().filter(Character::isDigit).count();
        var masked = new StringBuilder(number.length());
        long seen = 0;
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - SHOWN_DIGITS ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
