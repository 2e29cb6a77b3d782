package io.switchboard.ingress.testing.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.switchboard.ingress.testing.fuzz.FuzzTargets.TwilioAccount;
import io.switchboard.testsupport.FormBodies;

/**
 * Twilio forms whose fields are broken: cut short, encoded twice, repeated, not UTF-8, or correctly
 * signed but invalid for the mapping. A correctly signed request here is always certainly invalid.
 */
final class TwilioFieldFuzz {

    private final TwilioRequests twilio;

    TwilioFieldFuzz(TwilioRequests twilio) {
        this.twilio = twilio;
    }

    /** Signed by the account in the path, so only the fields can be wrong: 400. */
    byte[] signedInvalidFields(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            endpoint.invalidate(random, fields);
        }
        return (FuzzValues.chance(random, 0.2)
                        ? twilio.signedJson(account, target, fields)
                        : twilio.signedForm(account, target, fields))
                .bytes();
    }

    byte[] truncatedForm(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String accountId = FuzzValues.chance(random, 0.8) ? account.id() : twilio.anyAccountId(random);
        String target = twilio.target(random, endpoint, accountId);
        var fields = endpoint.validForm(random, account.accountSid());
        String body = FormBodies.encodeFields(fields);
        String signature = FuzzValues.chance(random, 0.8)
                ? twilio.sign(account, target, fields)
                : TwilioRequests.garbledSignature(random);
        return twilio.form(target, body.substring(0, random.nextInt(body.length())), signature)
                .bytes();
    }

    byte[] doubleEncoded(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        int variant = endpoint.parsedFields().isEmpty() ? random.nextInt(2) : random.nextInt(4);
        if (variant == 0) {
            // The whole body encoded again: one field, named after the whole form, without AccountSid (403).
            String once = FormBodies.encodeFields(fields);
            String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
            return twilio.form(target, twice, twilio.sign(account, target, Map.of(once, List.of(""))))
                    .bytes();
        }
        if (variant == 1) {
            String signature = twilio.sign(account, target, fields);
            fields.replaceAll((name, values) ->
                    values.stream().map(FuzzValues::escapeEveryByte).toList());
            return twilio.form(target, FormBodies.encodeFields(fields), signature)
                    .bytes();
        }
        // A parsed field encoded twice (or three times) and signed as the ingress decodes it: 400.
        String name = FuzzValues.pick(random, endpoint.parsedFields());
        String escaped = FuzzValues.escapeEveryByte(fields.get(name).getFirst());
        fields.put(name, List.of(variant == 2 ? escaped : FuzzValues.escapeEveryByte(escaped)));
        return twilio.signedForm(account, target, fields).bytes();
    }

    byte[] duplicateKeys(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        String name = FuzzValues.pick(random, List.copyOf(fields.keySet()));
        String first = fields.get(name).getFirst();
        String second = first + FuzzValues.alnum(random, 1, 4);
        return switch (random.nextInt(5)) {
            case 0 -> {
                // Signed over every value; the first, which the mapping reads, is the other account's AccountSid.
                fields.put("AccountSid", List.of(twilio.other(account).accountSid(), account.accountSid()));
                yield twilio.signedForm(account, target, fields).bytes();
            }
            case 1, 2 -> {
                // Signed as if only the first (or the last) value counted: the signature covers them all.
                String signature = twilio.sign(account, target, fields);
                if (random.nextBoolean()) {
                    fields.put(name, List.of(second));
                    signature = twilio.sign(account, target, fields);
                }
                fields.put(name, List.of(first, second));
                yield twilio.form(target, FormBodies.encodeFields(fields), signature)
                        .bytes();
            }
            case 3 -> manyValues(random, target, fields, name);
            default -> {
                if (endpoint.parsedFields().isEmpty()) {
                    yield manyValues(random, target, fields, name);
                }
                String parsed = FuzzValues.pick(random, endpoint.parsedFields());
                fields.put(
                        parsed,
                        List.of(
                                endpoint.invalidValue(random, parsed),
                                fields.get(parsed).getFirst()));
                yield twilio.signedForm(account, target, fields).bytes();
            }
        };
    }

    /** One name sent many times, with a signature that is not one. */
    private byte[] manyValues(Random random, String target, Map<String, List<String>> fields, String name) {
        var many = new ArrayList<String>();
        for (int i = 20 + random.nextInt(300); i > 0; i--) {
            many.add(FuzzValues.alnum(random, 0, 8));
        }
        fields.put(name, many);
        return twilio.form(target, FormBodies.encodeFields(fields), TwilioRequests.garbledSignature(random))
                .bytes();
    }

    byte[] invalidUtf8(Random random) {
        TwilioAccount account = twilio.account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = twilio.target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        String signature = twilio.sign(account, target, fields);
        String form = FormBodies.encodeFields(fields);
        return switch (random.nextInt(5)) {
            case 0 ->
                twilio.form(target, form + "&From=%2B1" + FuzzValues.invalidUtf8Escape(random), signature)
                        .bytes();
            case 1 ->
                twilio.form(target, FuzzValues.invalidUtf8Escape(random) + "Name=1&" + form, signature)
                        .bytes();
            case 2 ->
                twilio.form(target, "", signature)
                        .body(FuzzValues.concat(form + "&Note=", FuzzValues.invalidUtf8(random)))
                        .bytes();
            case 3 -> {
                String json = new String(TwilioRequests.json(fields), StandardCharsets.UTF_8);
                int at = json.indexOf("\"CallSid\":\"") + 11;
                byte[] body =
                        FuzzValues.concat(json.substring(0, at), FuzzValues.invalidUtf8(random), json.substring(at));
                yield twilio.signedJson(account, target, body).bytes();
            }
            default ->
                twilio.form(endpoint.path(FuzzValues.invalidUtf8Escape(random) + account.id()), form, signature)
                        .bytes();
        };
    }
}
