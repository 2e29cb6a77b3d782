package io.switchboard.simulator.call.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.simulator.call.domain.CallState;
import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.call.domain.TwilioDates;

/** Twilio's Call resource (API 2010-04-01), field for field as the SDK's {@code Call} reads it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CallResource(
        String sid,
        @JsonProperty("date_created") String dateCreated,
        @JsonProperty("date_updated") String dateUpdated,
        @JsonProperty("parent_call_sid") String parentCallSid,
        @JsonProperty("account_sid") String accountSid,
        String to,
        @JsonProperty("to_formatted") String toFormatted,
        String from,
        @JsonProperty("from_formatted") String fromFormatted,
        @JsonProperty("phone_number_sid") String phoneNumberSid,
        String status,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime,
        String duration,
        String price,
        @JsonProperty("price_unit") String priceUnit,
        String direction,
        @JsonProperty("answered_by") String answeredBy,
        @JsonProperty("api_version") String apiVersion,
        @JsonProperty("forwarded_from") String forwardedFrom,
        @JsonProperty("group_sid") String groupSid,
        @JsonProperty("caller_name") String callerName,
        @JsonProperty("queue_time") String queueTime,
        @JsonProperty("trunk_sid") String trunkSid,
        String uri,
        @JsonProperty("subresource_uris") Map<String, String> subresourceUris) {

    private static final Pattern NANP = Pattern.compile("\\+1(\\d{3})(\\d{3})(\\d{4})");

    static CallResource of(SimulatedCall call) {
        CallState state = call.state();
        String calls = "/2010-04-01/Accounts/" + call.spec().accountSid() + "/Calls";
        String base = calls + "/" + call.sid();
        return new CallResource(
                call.sid(),
                TwilioDates.format(call.dateCreated()),
                TwilioDates.format(state.dateUpdated()),
                null,
                call.spec().accountSid(),
                call.spec().to(),
                formatted(call.spec().to()),
                call.spec().from(),
                formatted(call.spec().from()),
                null,
                state.status().wire(),
                TwilioDates.format(state.startTime()),
                TwilioDates.format(state.endTime()),
                state.durationSeconds() == null ? null : state.durationSeconds().toString(),
                null,
                "USD",
                call.spec().direction().wire(),
                call.answeredBy(),
                "2010-04-01",
                null,
                null,
                null,
                queueTime(call),
                null,
                base + ".json",
                subresources(calls, base));
    }

    /** The wait estimated at creation, in milliseconds as Twilio writes it; calls never queued (inbound) show "0". */
    private static String queueTime(SimulatedCall call) {
        return call.queueTime() == null ? "0" : Long.toString(call.queueTime().toMillis());
    }

    /** Twilio shows North American numbers as "(415) 555-1212" and leaves others as they are. */
    static String formatted(String number) {
        Matcher nanp = NANP.matcher(number);
        return nanp.matches() ? "(" + nanp.group(1) + ") " + nanp.group(2) + "-" + nanp.group(3) : number;
    }

    private static Map<String, String> subresources(String calls, String base) {
        return Map.of(
                "feedback", base + "/Feedback.json",
                "user_defined_messages", base + "/UserDefinedMessages.json",
                "notifications", base + "/Notifications.json",
                "recordings", base + "/Recordings.json",
                "streams", base + "/Streams.json",
                "payments", base + "/Payments.json",
                "user_defined_message_subscriptions", base + "/UserDefinedMessageSubscriptions.json",
                "siprec", base + "/Siprec.json",
                "events", base + "/Events.json",
                "feedback_summaries", calls + "/FeedbackSummary.json");
    }
}
