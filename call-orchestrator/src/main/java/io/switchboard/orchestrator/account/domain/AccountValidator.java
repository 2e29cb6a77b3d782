package io.switchboard.orchestrator.account.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Checks an account's configuration on its own; the first problem found is reported with its field. */
final class AccountValidator {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2048;
    private static final int MAX_NUMBERS = 1000;
    private static final int MAX_ASSISTANTS = 100;

    private AccountValidator() {}

    /** An account id as the API takes it in a path. */
    static void validateId(String accountId) {
        require(
                ID.matcher(nullToEmpty(accountId)).matches(),
                "accountId",
                "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }

    /** Lists may be null (none) or hold nulls, as a request body can; an {@link Account} cannot. */
    static void validate(String accountId, String name, List<AccountNumber> numbers, List<Assistant> assistants) {
        validateId(accountId);
        requireText(name, "name", true);
        List<Assistant> allAssistants = assistants == null ? List.of() : assistants;
        List<AccountNumber> allNumbers = numbers == null ? List.of() : numbers;
        require(allAssistants.size() <= MAX_ASSISTANTS, "assistants", "must hold at most " + MAX_ASSISTANTS);
        require(allNumbers.size() <= MAX_NUMBERS, "numbers", "must hold at most " + MAX_NUMBERS);
        numbers(allNumbers, assistants(allAssistants));
    }

    private static Set<String> assistants(List<Assistant> assistants) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < assistants.size(); i++) {
            String field = "assistants[" + i + "]";
            Assistant assistant = assistants.get(i);
            require(assistant != null, field, "must be an object");
            require(
                    ID.matcher(nullToEmpty(assistant.assistantId())).matches(),
                    field + ".assistantId",
                    "must be 1 to 64 letters, digits, '.', '_' or '-'");
            require(ids.add(assistant.assistantId()), field + ".assistantId", "is used twice");
            requireText(assistant.name(), field + ".name", false);
            require(isStreamUrl(assistant.streamUrl()), field + ".streamUrl", "must be a ws:// or wss:// URL");
        }
        return ids;
    }

    /**
     * A number a telephone network can call, written as libphonenumber writes it in E.164: the dialer compares
     * a request's caller id with the account's numbers in that form, so "+4402071838750" (a trunk zero kept)
     * would never match what a provider reports.
     */
    private static void requireRealNumber(String e164, String field) {
        PhoneNumber parsed;
        try {
            parsed = PHONE_NUMBERS.parse(e164, null);
        } catch (NumberParseException e) {
            throw new InvalidAccountException(field, "must be an E.164 number such as +14155550100");
        }
        require(PHONE_NUMBERS.isValidNumber(parsed), field, "is not a number any telephone network assigns");
        String normalized = PHONE_NUMBERS.format(parsed, PhoneNumberFormat.E164);
        require(normalized.equals(e164), field, "must be written " + normalized);
    }

    private static void numbers(List<AccountNumber> numbers, Set<String> assistantIds) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            String field = "numbers[" + i + "]";
            AccountNumber number = numbers.get(i);
            require(number != null, field, "must be an object");
            require(
                    E164.matcher(nullToEmpty(number.number())).matches(),
                    field + ".number",
                    "must be an E.164 number such as +14155550100");
            requireRealNumber(number.number(), field + ".number");
            require(seen.add(number.number()), field + ".number", "is listed twice");
            require(
                    number.assistantId() != null && assistantIds.contains(number.assistantId()),
                    field + ".assistantId",
                    "must name one of the account's assistants");
        }
    }

    private static boolean isStreamUrl(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requireText(String text, String field, boolean required) {
        if (text == null) {
            require(!required, field, "is required");
            return;
        }
        require(!text.isBlank() && text.length() <= MAX_NAME, field, "must be 1 to " + MAX_NAME + " characters");
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidAccountException(field, message);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
