package io.switchboard.calllog.call.persistence;

import static io.switchboard.calllog.call.persistence.CallFields.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.calllog.call.domain.CallRecord;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Reads a stored call document into the API's view of a call. */
final class CallDocuments {

    private CallDocuments() {}

    static CallRecord toRecord(Document document) {
        return new CallRecord(
                providerCallId(document),
                document.getString(ACCOUNT_ID),
                document.getString(DIRECTION),
                document.getString(FROM),
                document.getString(TO),
                document.getString(ASSISTANT_ID),
                document.getString(REQUEST_ID),
                metadata(document.getList(METADATA, Document.class, List.of())),
                document.getString(STATUS),
                document.getList(TIMELINE, Document.class, List.of()).stream()
                        .map(CallDocuments::transition)
                        .toList(),
                document.getInteger(DURATION_SECONDS),
                document.getString(ANSWERED_BY),
                instant(document.getDate(STARTED_AT)),
                instant(document.getDate(ENDED_AT)),
                recording(document.get(RECORDING, Document.class)),
                cost(document.get(COST, Document.class)),
                instant(document.getDate(UPDATED_AT)));
    }

    /** Documents written before calls were keyed by provider and account have their call id as {@code _id}. */
    private static String providerCallId(Document document) {
        String callId = document.getString(CALL_ID);
        return callId != null ? callId : document.getString(ID);
    }

    private static Map<String, String> metadata(List<Document> entries) {
        Map<String, String> metadata = new LinkedHashMap<>();
        entries.forEach(entry -> metadata.put(entry.getString(KEY), entry.getString(VALUE)));
        return metadata;
    }

    private static CallRecord.Transition transition(Document step) {
        return new CallRecord.Transition(
                step.getString(STATUS), instant(step.getDate(AT)), step.getInteger(SEQUENCE_NUMBER));
    }

    private static CallRecord.Recording recording(Document recording) {
        if (recording == null) {
            return null;
        }
        return new CallRecord.Recording(
                recording.getString(RECORDING_ID),
                recording.getString(URL),
                recording.getInteger(DURATION_SECONDS),
                recording.getString(STATUS));
    }

    private static CallRecord.Cost cost(Document cost) {
        if (cost == null) {
            return null;
        }
        return new CallRecord.Cost(
                decimal(cost.get(AMOUNT)),
                cost.getString(CURRENCY),
                cost.getInteger(BILLED_MINUTES),
                decimal(cost.get(PRICE_PER_MINUTE)));
    }

    /** Amounts are written as BigDecimal, which the driver stores as BSON Decimal128. */
    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case null -> null;
            case Decimal128 decimal -> decimal.bigDecimalValue();
            case BigDecimal decimal -> decimal;
            case Number number -> new BigDecimal(number.toString());
            default ->
                throw new IllegalStateException(
                        "not a number: " + value.getClass().getSimpleName());
        };
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
