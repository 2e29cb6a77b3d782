package io.switchboard.ingress.testing.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.switchboard.ingress.testing.fuzz.FuzzTargets.TwilioAccount;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.TwilioSignatures;

/**
 * Valid Twilio forms that are not what their account signed: no signature, a garbled one, one for
 * another token, URL, endpoint or body; and correctly signed ones that name another AccountSid.
 * All of them are refused with 403.
 */
final class TwilioForgeryFuzz {

    private final TwilioRequests twilio;
    private final String publicBaseUrl;

    TwilioForgeryFuzz(TwilioRequests twilio, String publicBaseUrl) {
        this.twilio = twilio;
        this.publicBaseUrl = publicBaseUrl;
    }

    byte[] badSignature(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        String form = FormBodies.encodeFields(fields);
        String correct = twilio.sign(account, target, fields);
        return switch (random.nextInt(10)) {
            case 0 -> twilio.form(target, form, null).bytes();
            case 1 -> twilio.form(target, form, "").bytes();
            case 2 ->
                twilio.form(target, form, TwilioRequests.garbledSignature(random))
                        .bytes();
            case 3 ->
                twilio.form(target, form, twilio.sign(twilio.other(account), target, fields))
                        .bytes();
            case 4 ->
                twilio.form(
                                target,
                                form,
                                TwilioSignatures.signFields(account.authToken(), otherUrl(random, target), fields))
                        .bytes();
            case 5 -> {
                fields.put("From", List.of("+1" + (2_000_000_000L + random.nextInt(1_000_000_000))));
                yield twilio.form(target, FormBodies.encodeFields(fields), correct)
                        .bytes();
            }
            case 6 -> twilio.form(target, form, flipped(random, correct)).bytes();
            case 7 ->
                twilio.form(target, form, TwilioRequests.garbledSignature(random))
                        .header(TwilioSignatures.HEADER, correct)
                        .bytes();
            case 8 -> {
                var endpoints = TwilioEndpoint.values();
                TwilioEndpoint other = endpoints[(endpoint.ordinal() + 1) % endpoints.length];
                String otherTarget = twilio.target(random, other, account.id());
                yield twilio.form(otherTarget, form, correct).bytes();
            }
            default -> {
                var request = twilio.signedJson(account, target, fields);
                if (random.nextBoolean()) {
                    yield request.body(TwilioRequests.json(endpoint.validForm(random, account.accountSid())))
                            .bytes();
                }
                // Signed as a form is (URL and fields), without the body's hash in the URL.
                yield request.target(target)
                        .replaceHeader(TwilioSignatures.HEADER, correct)
                        .bytes();
            }
        };
    }

    /** Everything valid and correctly signed, but the AccountSid is not the account's. */
    byte[] foreignAccountSid(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        switch (random.nextInt(5)) {
            case 0 -> fields.put("AccountSid", List.of(twilio.other(account).accountSid()));
            case 1 -> fields.put("AccountSid", List.of(FuzzValues.sid(random, "AC")));
            case 2 -> fields.put("AccountSid", List.of(account.accountSid().toLowerCase(Locale.ROOT)));
            case 3 -> fields.put("AccountSid", List.of(""));
            default -> fields.remove("AccountSid");
        }
        return (FuzzValues.chance(random, 0.2)
                        ? twilio.signedJson(account, target, fields)
                        : twilio.signedForm(account, target, fields))
                .bytes();
    }

    /** A URL Twilio did not call: another scheme, host or port, or the path without its query or with a slash. */
    private String otherUrl(Random random, String target) {
        return switch (random.nextInt(5)) {
            case 0 -> publicBaseUrl.replaceFirst("^https:", "http:") + target;
            case 1 -> "https://evil.example.test" + target;
            case 2 -> publicBaseUrl + ":8443" + target;
            case 3 -> publicBaseUrl + target.replaceFirst("\\?", "/?") + (target.contains("?") ? "" : "/");
            default -> publicBaseUrl + "/prefix" + target;
        };
    }

    private static String flipped(Random random, String signature) {
        int at = random.nextInt(20);
        char replaced = signature.charAt(at);
        char replacement = replaced == 'A' ? 'B' : 'A';
        return signature.substring(0, at) + replacement + signature.substring(at + 1);
    }
}
