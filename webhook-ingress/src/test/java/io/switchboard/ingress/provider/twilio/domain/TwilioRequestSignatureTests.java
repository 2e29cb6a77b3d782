package io.switchboard.ingress.provider.twilio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.ingress.testing.PublicUrls;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.webhook.domain.PublicUrl;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;

class TwilioRequestSignatureTests {

    private static final String TOKEN = "acme-auth-token";
    private static final String URL = "https://ingress.example.test/webhooks/twilio/acme/status";

    @Test
    void whenFormIsSignedWithTheTokenThenItMatches() {
        var form = TwilioForms.status("CA1");

        boolean matches = matches(TwilioSignatures.sign(TOKEN, URL, form), URL, fields(form));

        assertThat(matches).isTrue();
    }

    @Test
    void whenAFieldIsTamperedOrTheTokenDiffersThenItDoesNotMatch() {
        var form = TwilioForms.status("CA1");
        String signature = TwilioSignatures.sign(TOKEN, URL, form);
        var tampered = new LinkedHashMap<>(form);
        tampered.put("CallStatus", "busy");

        assertThat(matches(signature, URL, fields(tampered))).isFalse();
        assertThat(matches(TwilioSignatures.sign("other-token", URL, form), URL, fields(form)))
                .isFalse();
    }

    @Test
    void whenAKeyRepeatsThenItsValuesAreSignedSortedByValue() {
        Map<String, List<String>> fields =
                Map.of("StatusCallbackEvent", List.of("ringing", "answered"), "CallSid", List.of("CA1"));
        String sortedByValue = hmac(URL + "CallSidCA1StatusCallbackEventansweredStatusCallbackEventringing");
        String inSentOrder = hmac(URL + "CallSidCA1StatusCallbackEventringingStatusCallbackEventanswered");

        assertThat(matches(sortedByValue, URL, fields)).isTrue();
        assertThat(matches(inSentOrder, URL, fields)).isFalse();
    }

    @Test
    void whenAKeyRepeatsTheSameValueThenBothOfficialSdkVariantsMatch() {
        Map<String, List<String>> fields = Map.of("Digits", List.of("1", "1"));

        assertThat(matches(hmac(URL + "Digits1Digits1"), URL, fields)).isTrue();
        assertThat(matches(hmac(URL + "Digits1"), URL, fields)).isTrue();
    }

    @Test
    void whenSignedWithTheDefaultPortThenTheUrlWithoutItMatchesAndTheOtherWayRound() {
        var form = TwilioForms.status("CA1");
        String withPort = URL.replace("example.test/", "example.test:443/");

        assertThat(matches(TwilioSignatures.sign(TOKEN, withPort, form), URL, fields(form)))
                .isTrue();
        assertThat(matches(TwilioSignatures.sign(TOKEN, URL, form), withPort, fields(form)))
                .isTrue();
    }

    @Test
    void whenHttpThenPort80IsTheDefaultAndAnotherPortIsNeverDropped() {
        var form = TwilioForms.status("CA1");
        String http = "http://ingress.example.test/webhooks/twilio/acme/status";

        assertThat(matches(TwilioSignatures.sign(TOKEN, http.replace("test/", "test:80/"), form), http, fields(form)))
                .isTrue();
        assertThat(matches(TwilioSignatures.sign(TOKEN, URL, form), URL.replace("test/", "test:8443/"), fields(form)))
                .isFalse();
    }

    @Test
    void whenTheQueryHoldsEncodedReservedCharactersThenItIsSignedExactlyAsSent() {
        var form = TwilioForms.status("CA1");
        String asSent = URL + "?to=%2B14155552671&note=a%26b%3Dc&space=a+b";
        String decoded = URL + "?to=+14155552671&note=a&b=c&space=a b";

        assertThat(matches(TwilioSignatures.sign(TOKEN, asSent, form), asSent, fields(form)))
                .isTrue();
        assertThat(matches(TwilioSignatures.sign(TOKEN, decoded, form), asSent, fields(form)))
                .isFalse();
    }

    @Test
    void whenTheCallbackUrlHadConnectionOverridesThenTheUrlArrivingWithoutTheFragmentMatches() {
        var form = TwilioForms.status("CA1");
        // Registered as URL#ct=3000&rc=3; Twilio strips the fragment, and a fragment is never sent in HTTP.
        String signedByTwilio = TwilioSignatures.sign(TOKEN, URL, form);

        assertThat(matches(signedByTwilio, URL, fields(form))).isTrue();
    }

    @Test
    void whenTheSignatureIsMalformedThenItDoesNotMatchWithoutFailing() {
        var form = TwilioForms.status("CA1");
        String good = TwilioSignatures.sign(TOKEN, URL, form);

        assertThat(matches(good.substring(0, good.length() - 1), URL, fields(form)))
                .isFalse();
        assertThat(matches(good + "A", URL, fields(form))).isFalse();
        assertThat(matches("ünïcode", URL, fields(form))).isFalse();
        assertThat(matches("", URL, fields(form))).isFalse();
    }

    @Test
    void whenTheBodyHashesToTheGivenHexThenItMatchesInAnyLetterCase() {
        String body = "{\"CallSid\":\"CA1\"}";
        String hash = TwilioSignatures.bodySha256(body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(TwilioRequestSignature.bodyMatches(bytes, hash)).isTrue();
        assertThat(TwilioRequestSignature.bodyMatches(bytes, hash.toUpperCase()))
                .isTrue();
        assertThat(TwilioRequestSignature.bodyMatches("{\"CallSid\":\"CA2\"}".getBytes(StandardCharsets.UTF_8), hash))
                .isFalse();
        assertThat(TwilioRequestSignature.bodyMatches(bytes, "")).isFalse();
    }

    @Test
    void whenTheUrlHasNoPortThenTheCandidatesAreAsSentAndWithTheDefaultPort() {
        PublicUrl url = PublicUrls.parse(URL + "?a=%2B");

        assertThat(TwilioRequestSignature.urlCandidates(url))
                .containsExactly(URL + "?a=%2B", URL.replace("example.test/", "example.test:443/") + "?a=%2B");
    }

    private static boolean matches(String signature, String url, Map<String, List<String>> fields) {
        return TwilioRequestSignature.matches(TOKEN, signature, PublicUrls.parse(url), fields);
    }

    private static Map<String, List<String>> fields(Map<String, String> form) {
        var fields = new LinkedHashMap<String, List<String>>();
        form.forEach((key, value) -> fields.put(key, List.of(value)));
        return fields;
    }

    private static String hmac(String data) {
        return TwilioSignatures.signFields(TOKEN, data, Map.of());
    }
}
