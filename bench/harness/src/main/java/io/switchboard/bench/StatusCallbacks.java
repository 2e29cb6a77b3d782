package io.switchboard.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.switchboard.bench.load.PreparedRequest;
import io.switchboard.events.envelope.EventIds;

/**
 * Twilio status callbacks as Twilio sends them, each one distinct and validly signed for the
 * ingress's public URL: every call goes initiated, ringing, in-progress, completed (SequenceNumber
 * 0 to 3), each callback with its own idempotency token. Every request therefore yields exactly one
 * event, whose id (from the token, as the ingress derives it) the topic check looks for.
 */
final class StatusCallbacks {

    private static final String[] PROGRESS = {"initiated", "ringing", "in-progress", "completed"};
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final BenchAccount account;
    private final String path;
    private final String signedUrl;
    private final String host;
    private final TwilioSignature signature;
    private final long run = new SecureRandom().nextLong();
    private long sent;

    /**
     * @param publicBaseUrl what the ingress is told providers call, which is what Twilio signs
     * @param host          the Host header (where the driver connects)
     */
    StatusCallbacks(BenchAccount account, String publicBaseUrl, String host) {
        this.account = account;
        this.path = "/webhooks/twilio/" + account.accountId() + "/status";
        this.signedUrl = publicBaseUrl + path;
        this.host = host;
        this.signature = new TwilioSignature(account.authToken());
    }

    /** The next {@code count} callbacks, none ever handed out before by this generator. */
    List<PreparedRequest> next(int count) {
        String timestamp = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        var requests = new ArrayList<PreparedRequest>(count);
        for (int i = 0; i < count; i++) {
            requests.add(callback(sent++, timestamp));
        }
        return requests;
    }

    private PreparedRequest callback(long number, String timestamp) {
        long call = number / PROGRESS.length;
        int step = (int) (number % PROGRESS.length);
        String callSid = "CA%08x%024x".formatted((int) run, call);
        String token = new UUID(run, number).toString();
        Map<String, String> form = fields(callSid, call, step, timestamp);
        String body = encode(form);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "User-Agent: TwilioProxy/1.1\r\n"
                + "Accept: */*\r\n"
                + "Cache-Control: max-age=259200\r\n"
                + "X-Home-Region: us1\r\n"
                + "I-Twilio-Idempotency-Token: " + token + "\r\n"
                + "X-Twilio-Signature: " + signature.sign(signedUrl, form) + "\r\n"
                + "\r\n";
        return new PreparedRequest(EventIds.of("twilio", token), (head + body).getBytes(StandardCharsets.US_ASCII));
    }

    /** The fields of a real status callback for an outbound API call, in Twilio's order. */
    private Map<String, String> fields(String callSid, long call, int step, String timestamp) {
        String from = "+1415%07d".formatted(call % 10_000_000);
        String to = "+1628%07d".formatted((call * 7919) % 10_000_000);
        var form = new LinkedHashMap<String, String>();
        form.put("Called", to);
        form.put("ToState", "CA");
        form.put("CallerCountry", "US");
        form.put("Direction", "outbound-api");
        form.put("Timestamp", timestamp);
        form.put("CallbackSource", "call-progress-events");
        form.put("CallerState", "CA");
        form.put("ToZip", "94105");
        form.put("SequenceNumber", Integer.toString(step));
        form.put("CallSid", callSid);
        form.put("To", to);
        form.put("CallerZip", "94107");
        form.put("ToCountry", "US");
        form.put("CalledZip", "94105");
        form.put("ApiVersion", "2010-04-01");
        form.put("CalledCity", "SAN FRANCISCO");
        form.put("CallStatus", PROGRESS[step]);
        form.put("From", from);
        form.put("AccountSid", account.accountSid());
        form.put("CalledCountry", "US");
        form.put("CallerCity", "SAN FRANCISCO");
        form.put("ToCity", "SAN FRANCISCO");
        form.put("FromCountry", "US");
        form.put("Caller", from);
        form.put("FromCity", "SAN FRANCISCO");
        form.put("CalledState", "CA");
        form.put("FromZip", "94107");
        form.put("FromState", "CA");
        if (step == PROGRESS.length - 1) {
            form.put("CallDuration", Long.toString(30 + call % 300));
            form.put("Duration", Long.toString(1 + (30 + call % 300) / 60));
        }
        return form;
    }

    private static String encode(Map<String, String> form) {
        var body = new StringBuilder(1024);
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
