package io.switchboard.events.audit;

/**
 * How values appear in audit entries, which operators keep for over a year: a phone number with its
 * middle digits hidden (enough to tell an account's numbers apart, not to dial one), and a secret
 * never, only that it was set, replaced or removed.
 */
public final class AuditRedaction {

    /** Digits shown at the end of a number. */
    private static final int SHOWN_LAST = 2;

    /** Digits hidden before those; a number with fewer than this many others shows none of them. */
    private static final int HIDDEN = 4;

    private AuditRedaction() {}

    /**
     * {@code +14155550100} becomes {@code +14155****00}: the leading digits (country and area code),
     * four hidden, the last two. A number of fewer than seven digits keeps only its last two.
     */
    public static String phoneNumber(String number) {
        if (number == null) {
            return null;
        }
        long digits = number.chars().filter(Character::isDigit).count();
        long shownFirst = digits - SHOWN_LAST - HIDDEN >= 1 ? digits - SHOWN_LAST - HIDDEN : 0;
        var redacted = new StringBuilder(number.length());
        long seen = 0;
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                redacted.append(seen <= shownFirst || seen > digits - SHOWN_LAST ? c : '*');
            } else {
                redacted.append(c);
            }
        }
        return redacted.toString();
    }
}
