package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.events.request.CallingWindow;
import io.switchboard.events.request.RetryPolicy;

/**
 * A campaign as it is now, on {@code dialer-campaigns.v1} compacted by {@code accountId/campaignId}: the latest
 * record per campaign is its definition and status. Each contact of a campaign is a call request of its own,
 * {@link #requestId(String, String)}, kept by the dialer like any scheduled request; this record is what the
 * dialer needs besides them: whether the campaign may dial now and how many of its calls may be in progress at
 * once.
 *
 * @param name               what the account calls it
 * @param assistantId        the assistant that speaks on its calls; null for each caller id's own
 * @param callerIds          the numbers it calls from (E.164): a contact is called from one with its area code
 *                           when there is one (local presence), else from the first
 * @param startAt            no call before this instant
 * @param endAt              no call after this instant: a contact not reached by then is not called
 * @param callingWindow      when a contact may be called, in the contact's time zone; null for any time
 * @param retry              whether and when to call a contact again after a busy, unanswered or failed call
 * @param maxConcurrentCalls how many of its calls may be queued, being dialed or in progress at once
 * @param autoPause          when the dialer pauses it on its own for too many failed calls; null for never
 * @param status             whether it dials now
 * @param statusReason       why it was paused or cancelled; null when active
 * @param createdAt          when it was created
 * @param recordedAt         when this record was written; readers keep the latest per campaign
 * @param recordedBy         the token subject whose change this record is
 */
public record CampaignRecorded(
        String campaignId,
        String accountId,
        String name,
        String assistantId,
        List<String> callerIds,
        Instant startAt,
        Instant endAt,
        CallingWindow callingWindow,
        RetryPolicy retry,
        int maxConcurrentCalls,
        AutoPause autoPause,
        Status status,
        String statusReason,
        Instant createdAt,
        Instant recordedAt,
        String recordedBy) {

    /** What a campaign id may be: short enough that its contacts' request ids leave room for retries. */
    public static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public CampaignRecorded {
        callerIds = callerIds == null ? List.of() : List.copyOf(callerIds);
    }

    public enum Status {
        ACTIVE,
        PAUSED,
        CANCELLED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Status fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Pause the campaign when, of its calls that ended within the last {@code windowMinutes} (and since it was last
     * resumed), at least {@code minCalls} ended and at least {@code failureRate} of them failed (the provider's final
     * status {@code failed}).
     */
    public record AutoPause(double failureRate, int minCalls, int windowMinutes) {}

    /** The compaction key: one record per campaign of an account. */
    public static String key(String accountId, String campaignId) {
        return accountId + "/" + campaignId;
    }

    public String key() {
        return key(accountId, campaignId);
    }

    /**
     * The request id of a campaign's contact: the campaign's id, a colon and the contact's E.164 number without its
     * plus, e.g. {@code spring-renewals:14155550123}. Deterministic, so that a contact uploaded twice is one request.
     */
    public static String requestId(String campaignId, String number) {
        return campaignId + ":" + (number.startsWith("+") ? number.substring(1) : number);
    }

    /** The campaign a request id belongs to (what precedes its first colon), or null for one that names none. */
    public static String campaignOf(String requestId) {
        int colon = requestId.indexOf(':');
        return colon <= 0 ? null : requestId.substring(0, colon);
    }

    /** The contact a request id is for (the campaign's contact request, without a retry's suffix), or null. */
    public static String contactOf(String requestId) {
        int first = requestId.indexOf(':');
        if (first <= 0) {
            return null;
        }
        int second = requestId.indexOf(':', first + 1);
        return second < 0 ? requestId : requestId.substring(0, second);
    }

    public CampaignRecorded withStatus(Status newStatus, String reason, Instant at, String by) {
        return new CampaignRecorded(
                campaignId,
                accountId,
                name,
                assistantId,
                callerIds,
                startAt,
                endAt,
                callingWindow,
                retry,
                maxConcurrentCalls,
                autoPause,
                newStatus,
                reason,
                createdAt,
                at,
                by);
    }
}
