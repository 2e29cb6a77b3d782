package io.switchboard.ingress.testing.fuzz;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.switchboard.ingress.testing.RawRequest;
import io.switchboard.ingress.testing.fuzz.FuzzTargets.TwilioAccount;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.TwilioSignatures;
import tools.jackson.databind.json.JsonMapper;

/** Twilio webhooks as raw requests: form or JSON bodies, signed (or not) for the public URL as Twilio would. */
final class TwilioRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FuzzTargets targets;

    TwilioRequests(FuzzTargets targets) {
        this.targets = targets;
    }

    TwilioAccount account(Random random) {
        return FuzzValues.chance(random, 0.5) ? targets.twilio() : targets.otherTwilio();
    }

    TwilioAccount other(TwilioAccount account) {
        return account.equals(targets.twilio()) ? targets.otherTwilio() : targets.twilio();
    }

    /** Known Twilio accounts, an unknown one, and one with no Twilio credential. */
    String anyAccountId(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> targets.twilio().id();
            case 1 -> targets.otherTwilio().id();
            case 2 -> targets.vapiOnlyAccount();
            default -> "nobody-" + FuzzValues.alnum(random, 1, 12);
        };
    }

    /** The endpoint's path, sometimes with a query string (which the signature covers as sent). */
    String target(Random random, TwilioEndpoint endpoint, String accountId) {
        String path = endpoint.path(accountId);
        return switch (random.nextInt(4)) {
            case 0 -> path + "?attempt=2&campaign=spring";
            case 1 ->
                path + "?q=a%2Bb%26c%3Dd&" + FuzzValues.alnum(random, 1, 8) + "=" + FuzzValues.alnum(random, 0, 8);
            default -> path;
        };
    }

    String sign(TwilioAccount account, String target, Map<String, List<String>> fields) {
        return TwilioSignatures.signFields(account.authToken(), targets.publicBaseUrl() + target, fields);
    }

    /** A correctly signed form with these fields. */
    RawRequest signedForm(TwilioAccount account, String target, Map<String, List<String>> fields) {
        return form(target, FormBodies.encodeFields(fields), sign(account, target, fields));
    }

    RawRequest form(String target, String body, String signature) {
        var request = RawRequest.post(target)
                .header("Content-Type", FormBodies.CONTENT_TYPE)
                .body(body);
        return signature == null ? request : request.header(TwilioSignatures.HEADER, signature);
    }

    /** A correctly signed JSON body (each field's first value): the signature covers the URL with the body's hash. */
    RawRequest signedJson(TwilioAccount account, String target, Map<String, List<String>> fields) {
        return signedJson(account, target, json(fields));
    }

    RawRequest signedJson(TwilioAccount account, String target, byte[] body) {
        String signedTarget =
                target + (target.contains("?") ? "&" : "?") + "bodySHA256=" + TwilioSignatures.bodySha256(body);
        return RawRequest.post(signedTarget)
                .header("Content-Type", "application/json")
                .header(TwilioSignatures.HEADER, sign(account, signedTarget, Map.of()))
                .body(body);
    }

    static byte[] json(Map<String, List<String>> fields) {
        var members = new LinkedHashMap<String, String>();
        fields.forEach((name, values) -> members.put(name, values.getFirst()));
        return JSON.writeValueAsBytes(members);
    }

    /** A valid, correctly signed webhook to one of the four endpoints: what the fuzz then breaks. */
    RawRequest valid(Random random) {
        TwilioAccount account = account(random);
        TwilioEndpoint endpoint = TwilioEndpoint.any(random);
        String target = target(random, endpoint, account.id());
        var fields = endpoint.validForm(random, account.accountSid());
        return FuzzValues.chance(random, 0.2)
                ? signedJson(account, target, fields)
                : signedForm(account, target, fields);
    }

    /** Something that looks like a signature and is not one for this request. */
    static String garbledSignature(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Base64.getEncoder().encodeToString(FuzzValues.bytes(random, 20, 20));
            case 1 -> FuzzValues.alnum(random, 1, 40);
            case 2 -> "bm90IGEgc2lnbmF0dXJl";
            default -> "=" + FuzzValues.alnum(random, 27, 27);
        };
    }
}
