package io.switchboard.dialer.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.kafka.FollowedTopic;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.RetryPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignProgressTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant START_AT = Instant.parse("2026-12-03T09:00:00Z");
    private static final String CALLER_ID = "+14155550123";
    private static final RetryPolicy RETRY = new RetryPolicy(new RetryPolicy.Retry(3, 900), null, null);

    private final CampaignProgress progress = new CampaignProgress();
    private final CampaignRecorded c1 = campaign("acme", "c1");

    @BeforeEach
    void readTheTopic() {
        progress.readFrom(new Current());
    }

    @Test
    void whenTheTopicWasNotReadThenProgressIsNotAnswered() {
        CampaignProgress unread = new CampaignProgress();

        assertThat(unread.isLoaded()).isFalse();
        assertThatThrownBy(() -> unread.of(c1, NOW)).isInstanceOf(DialerNotReadyException.class);
        assertThatThrownBy(() -> unread.open(c1)).isInstanceOf(DialerNotReadyException.class);
        assertThat(progress.isLoaded()).isTrue();
    }

    @Test
    void whenNothingOfTheCampaignWasRecordedThenItsProgressIsEmpty() {
        assertThat(progress.of(c1, NOW)).isEqualTo(CampaignProgress.Snapshot.EMPTY);
        assertThat(progress.open(c1)).isEmpty();
    }

    @Test
    void whenAContactsFirstAttemptIsScheduledThenItIsPending() {
        progress.apply(DialIntentRecorded.scheduled(request("c1", "+14155550101"), START_AT, NOW.minusSeconds(600)));
        progress.apply(DialIntentRecorded.scheduled(
                request("c1", "+14155550102"), NOW, "campaign c1 has its 1 concurrent calls", NOW.minusSeconds(60)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.contacts()).isEqualTo(2);
        assertThat(snapshot.pending()).isEqualTo(2);
        assertThat(snapshot.scheduled()).isZero();
        assertThat(snapshot.inProgress()).isZero();
        assertThat(snapshot.attempts()).isZero();
        assertThat(snapshot.callsPerMinute()).isZero();
        assertThat(snapshot.estimatedFinish()).as("nothing is being placed").isNull();
    }

    @Test
    void whenAContactsCallIsIntendedOrPlacedThenItIsInProgressAndAPlacedOneIsAnAttempt() {
        CallRequest first = request("c1", "+14155550101");
        CallRequest second = request("c1", "+14155550102");
        progress.apply(DialIntentRecorded.scheduled(first, START_AT, START_AT.minusSeconds(60)));
        progress.apply(intent(first.requestId(), State.INTENDED, null, NOW.minusSeconds(20)));
        progress.apply(intent(second.requestId(), State.INTENDED, null, NOW.minusSeconds(20)));
        progress.apply(intent(second.requestId(), State.PLACED, null, NOW.minusSeconds(10)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.contacts()).isEqualTo(2);
        assertThat(snapshot.pending())
                .as("the intended contact is no longer pending")
                .isZero();
        assertThat(snapshot.inProgress()).isEqualTo(2);
        assertThat(snapshot.attempts()).as("only the placed call").isEqualTo(1);
    }

    @Test
    void whenContactsCallsEndedThenTheyAreDoneByTheirFinalStatus() {
        ended("c1", "+14155550101", "completed");
        ended("c1", "+14155550102", "busy");
        ended("c1", "+14155550103", "busy");
        ended("c1", "+14155550104", "no-answer");
        ended("c1", "+14155550105", null);

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.contacts()).isEqualTo(5);
        assertThat(snapshot.done())
                .as("an ended call without a status completed")
                .containsOnly(entry("completed", 2), entry("busy", 2), entry("no-answer", 1));
        assertThat(snapshot.inProgress()).isZero();
        assertThat(snapshot.attempts()).isEqualTo(5);
        assertThat(snapshot.skipped()).isEmpty();
    }

    @Test
    void whenAContactsCallIsToBeRetriedThenItIsScheduledAndItsAttemptsCountEveryPlacedCall() {
        CallRequest first = request("c1", "+14155550101");
        String second = CallRequest.attemptId(first.requestId(), 2);
        progress.apply(intent(first.requestId(), State.INTENDED, null, NOW.minusSeconds(1800)));
        progress.apply(intent(first.requestId(), State.PLACED, null, NOW.minusSeconds(1790)));
        progress.apply(intent(first.requestId(), State.ENDED, "busy", NOW.minusSeconds(1700)));
        progress.apply(DialIntentRecorded.scheduled(
                first.occurrence(second, first.expiresAt()), NOW.minusSeconds(800), NOW.minusSeconds(1700)));

        CampaignProgress.Snapshot waiting = progress.of(c1, NOW);

        assertThat(waiting.contacts()).as("one contact, whatever its attempts").isEqualTo(1);
        assertThat(waiting.scheduled()).isEqualTo(1);
        assertThat(waiting.pending()).as("a retry is not pending").isZero();
        assertThat(waiting.done()).as("its latest attempt is what counts").isEmpty();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(progress.open(c1)).containsExactly(second);

        progress.apply(intent(second, State.INTENDED, null, NOW.minusSeconds(30)));
        progress.apply(intent(second, State.PLACED, null, NOW.minusSeconds(25)));
        progress.apply(intent(second, State.ENDED, "completed", NOW.minusSeconds(5)));

        CampaignProgress.Snapshot finished = progress.of(c1, NOW);
        assertThat(finished.scheduled()).isZero();
        assertThat(finished.done()).containsOnly(entry("completed", 1));
        assertThat(finished.attempts()).as("both calls, the retry included").isEqualTo(2);
    }

    @Test
    void whenAnOlderAttemptsRecordComesAfterANewerOneThenTheContactStaysInItsLatestAttemptsState() {
        CallRequest first = request("c1", "+14155550101");
        String second = CallRequest.attemptId(first.requestId(), 2);
        progress.apply(DialIntentRecorded.scheduled(
                first.occurrence(second, null), NOW.plusSeconds(600), NOW.minusSeconds(300)));
        progress.apply(intent(first.requestId(), State.PLACED, null, NOW.minusSeconds(400)));
        progress.apply(intent(first.requestId(), State.ENDED, "busy", NOW.minusSeconds(300)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.scheduled()).isEqualTo(1);
        assertThat(snapshot.done()).isEmpty();
        assertThat(snapshot.attempts())
                .as("the older attempt's call was still placed")
                .isEqualTo(1);
    }

    @Test
    void whenContactsWereNotDialedThenTheyAreSkippedByAShortReason() {
        CallRequest cancelled = request("c1", "+14155550101");
        progress.apply(DialIntentRecorded.scheduled(cancelled, NOW.plusSeconds(600), NOW.minusSeconds(600))
                .unscheduled(
                        State.CANCELLED, "cancelled by ops@acme at " + NOW.minusSeconds(60), NOW.minusSeconds(60)));
        rejected("c1", "+14155550102", "to +14155550102 is on the do-not-call list of account acme");
        rejected("c1", "+14155550103", "expired at " + NOW.minusSeconds(30) + ", before it could be dialed");
        rejected("c1", "+14155550104", "expired at " + NOW.minusSeconds(20) + ", before it could be dialed");
        rejected("c1", "+14155550105", "campaign c1 was cancelled by ops@acme at " + NOW.minusSeconds(10));
        rejected("c1", "+14155550106", "callingWindow: does not open within 30 days");
        rejected("c1", "+14155550107", "account acme has no wallet yet: top it up before placing calls");
        rejected("c1", "+14155550108", null);

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.skipped())
                .containsOnly(
                        entry("cancelled", 2),
                        entry("do-not-call", 1),
                        entry("expired", 2),
                        entry("outside calling window", 1),
                        entry("wallet", 1),
                        entry("other", 1));
        assertThat(snapshot.contacts()).isEqualTo(8);
        assertThat(snapshot.done()).isEmpty();
        assertThat(progress.open(c1)).as("nothing of them may still be dialed").isEmpty();
    }

    @Test
    void whenAReasonIsShortenedThenItNamesWhatKeptTheContactFromBeingDialed() {
        assertThat(CampaignProgress.skipReason(null)).isEqualTo("other");
        assertThat(CampaignProgress.skipReason("Cancelled by a caller at " + NOW))
                .isEqualTo("cancelled");
        assertThat(CampaignProgress.skipReason("to +14155550101 is on the do-not-call list of account acme"))
                .isEqualTo("do-not-call");
        assertThat(CampaignProgress.skipReason("outside the recipient's calling window until " + NOW))
                .isEqualTo("outside calling window");
        assertThat(CampaignProgress.skipReason("callingWindow: does not open within 30 days"))
                .isEqualTo("outside calling window");
        assertThat(CampaignProgress.skipReason("the wallet of account acme (balance 0.00 USD) cannot pay"))
                .isEqualTo("wallet");
        assertThat(CampaignProgress.skipReason(
                        "received at " + NOW + ", more than PT24H (switchboard.dialer.max-request-age) before it"))
                .isEqualTo("expired");
        assertThat(CampaignProgress.skipReason("to 12345 is not a valid phone number"))
                .isEqualTo("invalid");
        assertThat(CampaignProgress.skipReason("assistant x is not one of account acme"))
                .isEqualTo("invalid");
        assertThat(CampaignProgress.skipReason("account acme has no twilio credential to place calls with"))
                .isEqualTo("other");
    }

    @Test
    void whenCallsWerePlacedThenTheRateCountsThoseOfTheLastMinuteAndEstimatesTheFinish() {
        placed("c1", "+14155550101", NOW.minusSeconds(90));
        placed("c1", "+14155550102", NOW.minusSeconds(60));
        placed("c1", "+14155550103", NOW.minusSeconds(10));
        for (int i = 4; i <= 9; i++) {
            progress.apply(DialIntentRecorded.scheduled(
                    request("c1", "+1415555010" + i), START_AT, START_AT.minusSeconds(60)));
        }

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.callsPerMinute())
                .as("the call placed exactly a minute ago counts, the one before it does not")
                .isEqualTo(2);
        assertThat(snapshot.attempts()).isEqualTo(3);
        assertThat(snapshot.pending()).isEqualTo(6);
        assertThat(snapshot.inProgress()).isEqualTo(3);
        assertThat(snapshot.estimatedFinish())
                .as("9 contacts left at 2 a minute: four and a half minutes")
                .isEqualTo(NOW.plusSeconds(270));
        assertThat(progress.of(c1, NOW.plusSeconds(60)).callsPerMinute())
                .as("a minute later, none of them")
                .isZero();
        assertThat(progress.of(c1, NOW.plusSeconds(60)).estimatedFinish()).isNull();
    }

    @Test
    void whenAPlacedRecordIsReadTwiceThenItIsOneAttemptAndOneCall() {
        placed("c1", "+14155550101", NOW.minusSeconds(10));
        placed("c1", "+14155550101", NOW.minusSeconds(10));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.attempts()).isEqualTo(1);
        assertThat(snapshot.callsPerMinute()).isEqualTo(1);
        assertThat(snapshot.contacts()).isEqualTo(1);
    }

    @Test
    void whenEveryContactIsDoneOrSkippedThenNoFinishIsEstimated() {
        placed("c1", "+14155550101", NOW.minusSeconds(20));
        progress.apply(
                intent(request("c1", "+14155550101").requestId(), State.ENDED, "completed", NOW.minusSeconds(5)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.callsPerMinute()).isEqualTo(1);
        assertThat(snapshot.estimatedFinish()).as("nothing left").isNull();
    }

    @Test
    void whenRequestsOfAnotherCampaignOrAccountOrOfNoCampaignAreRecordedThenTheyAreNotCounted() {
        placed("c1", "+14155550101", NOW.minusSeconds(10));
        placed("c2", "+14155550102", NOW.minusSeconds(10));
        progress.apply(intent("acme", "c1:14155550103", State.PLACED, null, NOW.minusSeconds(10)));
        progress.apply(intent("globex", "c1:14155550104", State.PLACED, null, NOW.minusSeconds(10)));
        progress.apply(intent("acme", "crm-0187", State.PLACED, null, NOW.minusSeconds(10)));
        progress.apply(intent("acme", ":14155550105", State.PLACED, null, NOW.minusSeconds(10)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.contacts()).isEqualTo(2);
        assertThat(snapshot.inProgress()).isEqualTo(2);
        assertThat(snapshot.attempts()).isEqualTo(2);
        assertThat(snapshot.callsPerMinute()).isEqualTo(2);
        assertThat(progress.of(campaign("acme", "c2"), NOW).contacts()).isEqualTo(1);
        assertThat(progress.of(campaign("globex", "c1"), NOW).contacts()).isEqualTo(1);
        assertThat(progress.of(campaign("globex", "c2"), NOW)).isEqualTo(CampaignProgress.Snapshot.EMPTY);
    }

    @Test
    void whenACampaignIsToBeCancelledThenItsScheduledAndIntendedRequestsAreOpen() {
        CallRequest pending = request("c1", "+14155550101");
        CallRequest intended = request("c1", "+14155550102");
        CallRequest retried = request("c1", "+14155550103");
        String retry = CallRequest.attemptId(retried.requestId(), 2);
        progress.apply(DialIntentRecorded.scheduled(pending, START_AT, START_AT.minusSeconds(60)));
        progress.apply(intent(intended.requestId(), State.INTENDED, null, NOW.minusSeconds(20)));
        progress.apply(intent(retried.requestId(), State.PLACED, null, NOW.minusSeconds(600)));
        progress.apply(intent(retried.requestId(), State.ENDED, "busy", NOW.minusSeconds(500)));
        progress.apply(DialIntentRecorded.scheduled(retried.occurrence(retry, null), NOW.plusSeconds(400), NOW));
        placed("c1", "+14155550104", NOW.minusSeconds(10));
        ended("c1", "+14155550105", "completed");
        rejected("c1", "+14155550106", "expired at " + NOW);
        progress.apply(intent("acme", "c2:14155550107", State.INTENDED, null, NOW));

        assertThat(progress.open(c1))
                .as("the latest attempt of each contact that may still be dialed")
                .containsExactlyInAnyOrder(pending.requestId(), intended.requestId(), retry);
    }

    /** The call of the contact, placed and ended {@code status}. */
    private void ended(String campaignId, String number, String status) {
        String requestId = CampaignRecorded.requestId(campaignId, number);
        progress.apply(intent(requestId, State.INTENDED, null, NOW.minusSeconds(300)));
        progress.apply(intent(requestId, State.PLACED, null, NOW.minusSeconds(290)));
        progress.apply(intent(requestId, State.ENDED, status, NOW.minusSeconds(200)));
    }

    private void placed(String campaignId, String number, Instant at) {
        progress.apply(intent(CampaignRecorded.requestId(campaignId, number), State.PLACED, null, at));
    }

    private void rejected(String campaignId, String number, String reason) {
        progress.apply(intent(CampaignRecorded.requestId(campaignId, number), State.REJECTED, reason, NOW));
    }

    @Test
    void whenACallEndedWithoutAPlacedRecordThenItIsStillAnAttempt() {
        // Settled before the word that it was placed, or its placed record compacted away: the call was placed.
        String settledFirst = CampaignRecorded.requestId("c1", "+14155550101");
        String compacted = CampaignRecorded.requestId("c1", "+14155550102");
        progress.apply(intent(settledFirst, State.INTENDED, null, NOW.minusSeconds(120)));
        progress.apply(intent(settledFirst, State.ENDED, "completed", NOW.minusSeconds(10)));
        progress.apply(intent(compacted, State.ENDED, "busy", NOW.minusSeconds(5)));

        CampaignProgress.Snapshot snapshot = progress.of(c1, NOW);

        assertThat(snapshot.attempts()).isEqualTo(2);
        assertThat(snapshot.done()).containsOnly(Map.entry("completed", 1), Map.entry("busy", 1));
    }

    private static DialIntentRecorded intent(String requestId, State state, String reason, Instant at) {
        return intent("acme", requestId, state, reason, at);
    }

    private static DialIntentRecorded intent(
            String accountId, String requestId, State state, String reason, Instant at) {
        boolean holds = state == State.INTENDED || state == State.PLACED;
        return new DialIntentRecorded(
                requestId,
                accountId,
                toOf(requestId),
                CALLER_ID,
                state,
                state == State.REJECTED ? null : "twilio",
                state == State.PLACED || state == State.ENDED ? "CA-" + requestId : null,
                reason,
                at,
                "sales",
                Map.of(CampaignContacts.CAMPAIGN_KEY, String.valueOf(CampaignRecorded.campaignOf(requestId))),
                state == State.REJECTED ? null : 600,
                holds ? new BigDecimal("0.50") : null,
                holds ? "USD" : null,
                state == State.ENDED ? 2L : null,
                null,
                holds ? at.plus(Duration.ofHours(2)) : null,
                state == State.REJECTED ? null : "twilio/AC-acme",
                null,
                null);
    }

    /** The contact's number, from its request id; null for a request of no campaign. */
    private static String toOf(String requestId) {
        String contact = CampaignRecorded.contactOf(requestId);
        return contact == null ? null : "+" + contact.substring(contact.indexOf(':') + 1);
    }

    private static CallRequest request(String campaignId, String number) {
        return new CallRequest(
                CampaignRecorded.requestId(campaignId, number),
                "acme",
                number,
                CALLER_ID,
                "sales",
                Map.of(CampaignContacts.CAMPAIGN_KEY, campaignId),
                null,
                null,
                null,
                START_AT,
                null,
                null,
                RETRY);
    }

    private static CampaignRecorded campaign(String accountId, String campaignId) {
        return new CampaignRecorded(
                campaignId,
                accountId,
                "Renewals",
                "sales",
                List.of(CALLER_ID),
                START_AT,
                null,
                null,
                RETRY,
                5,
                null,
                Status.ACTIVE,
                null,
                START_AT.minusSeconds(3600),
                START_AT.minusSeconds(3600),
                "ops@acme");
    }

    /** A followed topic read to its end, and current whenever asked. */
    private static final class Current implements FollowedTopic {

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public boolean awaitCurrent(Duration timeout) {
            return true;
        }
    }
}
