package io.switchboard.dialer.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.dialer.campaign.config.CampaignProperties;
import io.switchboard.dialer.campaign.domain.CampaignGate;
import io.switchboard.dialer.campaign.domain.Campaigns;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.Admission;
import io.switchboard.dialer.placement.domain.CallPlacement;
import io.switchboard.dialer.placement.domain.DialChecks;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.OutboundCalls;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.SendTurn;
import io.switchboard.dialer.placement.domain.WalletHolds;
import io.switchboard.dialer.support.DialerTestSchedules;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.dialer.CallRequestDue;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.CallingWindow;
import io.switchboard.events.request.Recurrence;
import io.switchboard.events.request.RetryPolicy;
import org.junit.jupiter.api.Test;

class ScheduledRequestsTests {

    private static final int PARTITION = 2;
    /** A Thursday; Berlin is at UTC+1, so 09:00 there is 08:00Z. */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static final Instant THURSDAY_AT_NINE = Instant.parse("2026-12-03T08:00:00Z");
    private static final Instant FRIDAY_AT_NINE = Instant.parse("2026-12-04T08:00:00Z");
    private static final Recurrence DAILY_AT_NINE = new Recurrence("0 0 9 * * *", "Europe/Berlin");
    private static final Duration MAX_REQUEST_AGE = Duration.ofHours(24);
    private static final String PROVIDER_ACCOUNT = "twilio/AC-acme";

    private final DialIntents intents = new DialIntents();
    private final Campaigns campaigns = new Campaigns();
    /** No cap on calls to one person, unless a test sets one. */
    private CampaignProperties campaignProperties =
            new CampaignProperties(10, 10_000, new CampaignProperties.PersonCap(0, Duration.ofDays(1)), Map.of());

    private final DialerViews views =
            new DialerViews().account("acme", "+14155550123", "sales", "twilio").wallet("acme", "50.00", "0.05", 1);

    // --- arrival

    @Test
    void whenARequestIsDueLaterThenItIsScheduledHoldingNothing() {
        Instant notBefore = NOW.plus(Duration.ofHours(2));
        CallRequest request = oneOff("r1", notBefore);

        Admission admission = at(NOW).admit(PARTITION, received(request, NOW));

        assertThat(admission).isInstanceOfSatisfying(Admission.Scheduled.class, scheduled -> {
            DialIntentRecorded intent = scheduled.intent();
            assertThat(intent.state()).isEqualTo(State.SCHEDULED);
            assertThat(intent.key()).isEqualTo("acme/r1");
            assertThat(intent.dueAt()).isEqualTo(notBefore);
            assertThat(intent.request()).as("kept to admit it when it is due").isEqualTo(request);
            assertThat(intent.held()).isNull();
            assertThat(intent.heldUntil()).isNull();
            assertThat(intent.providerAccount()).as("queued nowhere yet").isNull();
            assertThat(intent.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void whenARequestsNotBeforeHasPassedThenItIsQueuedAtOnce() {
        CallRequest request = oneOff("r1", NOW.minusSeconds(60));

        assertThat(at(NOW).admit(PARTITION, received(request, NOW)))
                .isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                    assertThat(queued.intent().state()).isEqualTo(State.INTENDED);
                    assertThat(queued.intent().held()).isNotNull();
                    assertThat(queued.queued().receivedAt()).isEqualTo(NOW);
                });
    }

    @Test
    void whenARequestArrivesOutsideItsRecipientsCallingWindowThenItIsScheduledForItsOpeningWithTheReason() {
        // 10:00 UTC is 02:00 in Los Angeles, the recipient's zone.
        CallRequest request = windowed("r1", new CallingWindow(List.of("THU", "FRI"), "09:00", "20:00", null, null));

        Admission admission = at(NOW).admit(PARTITION, received(request, NOW));

        assertThat(admission).isInstanceOfSatisfying(Admission.Scheduled.class, scheduled -> {
            assertThat(scheduled.intent().dueAt()).isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
            assertThat(scheduled.intent().reason()).startsWith("outside the recipient's calling window until ");
            assertThat(scheduled.intent().held()).isNull();
        });
        record(admission);
        assertThat(fireAndRecord(
                                at(Instant.parse("2026-12-03T17:00:01Z")),
                                due("r1", Instant.parse("2026-12-03T17:00:00Z")))
                        .admitted())
                .as("queued at its opening, not to be dialed after it closes")
                .isInstanceOfSatisfying(
                        Admission.Queued.class,
                        queued -> assertThat(queued.queued().request().expiresAt())
                                .isEqualTo(Instant.parse("2026-12-04T04:00:00Z")));
    }

    @Test
    void whenARequestArrivesInsideItsCallingWindowThenItIsQueuedUntilTheWindowClosesAtTheLatest() {
        Instant afternoonInLosAngeles = Instant.parse("2026-12-03T22:00:00Z");
        CallRequest request = windowed("r1", new CallingWindow(List.of("THU"), "09:00", "20:00", null, null));

        assertThat(at(afternoonInLosAngeles).admit(PARTITION, received(request, afternoonInLosAngeles)))
                .isInstanceOfSatisfying(
                        Admission.Queued.class,
                        queued -> assertThat(queued.queued().request().expiresAt())
                                .isEqualTo(Instant.parse("2026-12-04T04:00:00Z")));
    }

    @Test
    void whenARequestCameDueWhileItTravelledThenItIsQueuedWithItsAgeCountedFromItsDueTime() {
        Instant notBefore = NOW.minus(Duration.ofMinutes(5));
        CallRequest request = oneOff("r1", notBefore);

        assertThat(at(NOW).admit(PARTITION, received(request, NOW.minus(Duration.ofMinutes(10)))))
                .isInstanceOfSatisfying(
                        Admission.Queued.class,
                        queued -> assertThat(queued.queued().receivedAt()).isEqualTo(notBefore));
    }

    @Test
    void whenAScheduledRequestArrivesAgainThenItIsADuplicate() {
        CallRequest request = oneOff("r1", NOW.plus(Duration.ofHours(2)));
        record(at(NOW).admit(PARTITION, received(request, NOW)));

        assertThat(at(NOW.plusSeconds(30)).admit(PARTITION, received(request, NOW.plusSeconds(30))))
                .isEqualTo(new Admission.Duplicate("r1"));
    }

    @Test
    void whenARecurringRequestNamesNoTimeBeforeItExpiresThenItIsRejected() {
        // Thursday's 09:00 in Berlin has passed, and it expires an hour before Friday's.
        CallRequest request = recurring("r1", Instant.parse("2026-12-04T07:00:00Z"), null, DAILY_AT_NINE);

        assertThat(at(NOW).admit(PARTITION, received(request, NOW)))
                .isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("recurrence");
                    assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
                });
    }

    @Test
    void whenARequestWasCancelledBeforeItArrivedThenItIsRejectedAsCancelled() {
        intents.record(
                PARTITION,
                DialIntentRecorded.cancelledBeforeReceived(
                        "acme", "r1", "cancelled by ops@acme at " + NOW.minusSeconds(60), NOW.minusSeconds(60)));

        assertThat(at(NOW).admit(PARTITION, received(oneOff("r1", NOW.plus(Duration.ofHours(2))), NOW)))
                .isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).contains("cancelled");
                    assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
                    assertThat(rejected.settled().held()).isNull();
                });
    }

    // --- stale signals

    @Test
    void whenTheSignalIsForAnotherDueTimeOrARequestNotScheduledThenNothingFires() {
        Instant dueAt = NOW.minusSeconds(60);
        record(at(NOW.minus(Duration.ofHours(1)))
                .admit(PARTITION, received(oneOff("r1", dueAt), NOW.minus(Duration.ofHours(1)))));
        record(at(NOW).admit(PARTITION, received(oneOff("r2", null), NOW)));
        ScheduledRequests scheduled = at(NOW);

        assertThat(scheduled.fire(PARTITION, due("r1", dueAt.minusSeconds(1))))
                .as("rescheduled since that signal")
                .isEmpty();
        assertThat(scheduled.fire(PARTITION, due("unknown", dueAt))).isEmpty();
        assertThat(scheduled.fire(PARTITION, due("r2", dueAt)))
                .as("queued, not scheduled")
                .isEmpty();
        assertThat(scheduled.fire(PARTITION + 1, due("r1", dueAt)))
                .as("another partition's request")
                .isEmpty();
    }

    // --- firing

    @Test
    void whenTheSignalComesBeforeTheDueTimeThenTheRecordIsWrittenAgainUnchanged() {
        Instant scheduledAt = NOW.minus(Duration.ofDays(7));
        Instant dueAt = NOW.plus(Duration.ofDays(20));
        CallRequest request = oneOff("r1", dueAt);
        record(at(scheduledAt).admit(PARTITION, received(request, scheduledAt)));

        Optional<ScheduledRequests.Firing> firing = at(NOW).fire(PARTITION, due("r1", dueAt));

        assertThat(firing).get().satisfies(refresh -> {
            assertThat(refresh.admitted()).as("nothing admitted yet").isNull();
            assertThat(refresh.series().state()).isEqualTo(State.SCHEDULED);
            assertThat(refresh.series().dueAt()).isEqualTo(dueAt);
            assertThat(refresh.series().request()).isEqualTo(request);
            assertThat(refresh.series().recordedAt())
                    .as("new, so that the topic's retention keeps it")
                    .isEqualTo(NOW);
        });
    }

    @Test
    void whenAOneOffRequestIsDueThenItIsQueuedUnderItsOwnIdWithItsAgeCountedFromItsDueTime() {
        Instant dueAt = NOW.minusSeconds(2);
        record(at(NOW.minus(Duration.ofHours(1)))
                .admit(PARTITION, received(oneOff("r1", dueAt), NOW.minus(Duration.ofHours(1)))));

        Optional<ScheduledRequests.Firing> firing = at(NOW).fire(PARTITION, due("r1", dueAt));

        assertThat(firing).get().satisfies(fired -> {
            assertThat(fired.series())
                    .as("the queued request's own record replaces it")
                    .isNull();
            assertThat(fired.admitted()).isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                assertThat(queued.intent().key()).isEqualTo("acme/r1");
                assertThat(queued.intent().state()).isEqualTo(State.INTENDED);
                assertThat(queued.intent().providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
                assertThat(queued.queued().receivedAt()).isEqualTo(dueAt);
                assertThat(queued.queued().request().notBefore())
                        .as("the queue's owner dials it as any other request")
                        .isNull();
            });
        });
    }

    @Test
    void whenAOneOffRequestFiresTwiceThenTheSecondSignalIsStale() {
        Instant dueAt = NOW.minusSeconds(2);
        record(at(NOW.minus(Duration.ofHours(1)))
                .admit(PARTITION, received(oneOff("r1", dueAt), NOW.minus(Duration.ofHours(1)))));
        fireAndRecord(at(NOW), due("r1", dueAt));

        assertThat(at(NOW.plusSeconds(30)).fire(PARTITION, due("r1", dueAt))).isEmpty();
    }

    @Test
    void whenARecurringRequestIsDueThenItsOccurrenceIsQueuedAndTheSeriesMovesToItsNextTime() {
        CallRequest series = recurring("daily", null, null, DAILY_AT_NINE);
        scheduleAt(series, THURSDAY_AT_NINE.minus(Duration.ofHours(20)));
        Instant firedAt = THURSDAY_AT_NINE.plusSeconds(1);

        Optional<ScheduledRequests.Firing> firing = at(firedAt).fire(PARTITION, due("daily", THURSDAY_AT_NINE));

        assertThat(firing).get().satisfies(fired -> {
            assertThat(fired.admitted()).isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                assertThat(queued.requestId())
                        .as("the series' id and the due instant in UTC")
                        .isEqualTo("daily:20261203T080000Z");
                assertThat(queued.queued().request().recurrence())
                        .as("an occurrence is a one-off request")
                        .isNull();
                assertThat(queued.queued().request().to()).isEqualTo(series.to());
                assertThat(queued.queued().receivedAt()).isEqualTo(THURSDAY_AT_NINE);
            });
            assertThat(fired.series().key()).isEqualTo("acme/daily");
            assertThat(fired.series().state()).isEqualTo(State.SCHEDULED);
            assertThat(fired.series().dueAt()).isEqualTo(FRIDAY_AT_NINE);
            assertThat(fired.series().request()).isEqualTo(series);
            assertThat(fired.series().recordedAt()).isEqualTo(firedAt);
        });
    }

    @Test
    void whenARecurringRequestsDueTimeIsFiredTwiceThenTheSecondSignalIsStale() {
        scheduleAt(recurring("daily", null, null, DAILY_AT_NINE), THURSDAY_AT_NINE.minus(Duration.ofHours(20)));
        fireAndRecord(at(THURSDAY_AT_NINE), due("daily", THURSDAY_AT_NINE));

        assertThat(at(THURSDAY_AT_NINE.plusSeconds(30)).fire(PARTITION, due("daily", THURSDAY_AT_NINE)))
                .isEmpty();
        assertThat(intents.dueBy(FRIDAY_AT_NINE))
                .as("only the next time is left to fire")
                .singleElement()
                .extracting(owned -> owned.intent().dueAt())
                .isEqualTo(FRIDAY_AT_NINE);
    }

    @Test
    void whenAnOccurrenceIsThereAlreadyThenItIsADuplicateAndTheSeriesStillMovesOn() {
        scheduleAt(recurring("daily", null, null, DAILY_AT_NINE), THURSDAY_AT_NINE.minus(Duration.ofHours(20)));
        // The occurrence's record was committed, the series' was not (a record read before its transaction's end).
        Admission occurrence = at(THURSDAY_AT_NINE)
                .fire(PARTITION, due("daily", THURSDAY_AT_NINE))
                .orElseThrow()
                .admitted();
        record(occurrence);

        Optional<ScheduledRequests.Firing> again =
                at(THURSDAY_AT_NINE.plusSeconds(1)).fire(PARTITION, due("daily", THURSDAY_AT_NINE));

        assertThat(again).get().satisfies(fired -> {
            assertThat(fired.admitted()).isEqualTo(new Admission.Duplicate("daily:20261203T080000Z"));
            assertThat(fired.series().dueAt()).isEqualTo(FRIDAY_AT_NINE);
        });
    }

    @Test
    void whenASeriesHasNoTimeLeftBeforeItExpiresThenItEndsAfterItsLastOccurrence() {
        CallRequest series = recurring("daily", FRIDAY_AT_NINE, null, DAILY_AT_NINE);
        scheduleAt(series, THURSDAY_AT_NINE.minus(Duration.ofHours(20)));

        ScheduledRequests.Firing fired = fireAndRecord(at(THURSDAY_AT_NINE), due("daily", THURSDAY_AT_NINE));

        assertThat(fired.admitted()).isInstanceOf(Admission.Queued.class);
        assertThat(fired.series().state()).isEqualTo(State.ENDED);
        assertThat(fired.series().reason()).contains("expiresAt " + FRIDAY_AT_NINE);
        assertThat(fired.series().dueAt()).isNull();
        assertThat(fired.series().request()).isNull();
        assertThat(intents.scheduled()).as("nothing is left to fire").isEmpty();
    }

    @Test
    void whenARecurringRequestIsFiredDaysLateThenOccurrencesOlderThanTheMaxRequestAgeAreSkipped() {
        scheduleAt(recurring("daily", null, null, DAILY_AT_NINE), THURSDAY_AT_NINE.minus(Duration.ofHours(20)));
        // No instance owned the account from Thursday to Sunday, an hour after its 09:00.
        Instant sunday = Instant.parse("2026-12-06T09:00:00Z");

        ScheduledRequests.Firing late = fireAndRecord(at(sunday), due("daily", THURSDAY_AT_NINE));

        assertThat(late.admitted()).isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
            assertThat(rejected.requestId()).isEqualTo("daily:20261203T080000Z");
            assertThat(rejected.reason()).contains("switchboard.dialer.max-request-age");
        });
        assertThat(late.series().dueAt())
                .as("Friday's and Saturday's are past the max request age, Sunday's is not")
                .isEqualTo(Instant.parse("2026-12-06T08:00:00Z"))
                .isAfterOrEqualTo(sunday.minus(MAX_REQUEST_AGE));
        assertThat(at(sunday).fire(PARTITION, due("daily", Instant.parse("2026-12-06T08:00:00Z"))))
                .get()
                .satisfies(fired -> {
                    assertThat(fired.admitted())
                            .isInstanceOfSatisfying(
                                    Admission.Queued.class,
                                    queued -> assertThat(queued.requestId()).isEqualTo("daily:20261206T080000Z"));
                    assertThat(fired.series().dueAt()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
                });
    }

    @Test
    void whenAnOccurrenceIsExactlyTheMaxRequestAgeOldThenTheSeriesStillGoesThroughIt() {
        scheduleAt(recurring("daily", null, null, DAILY_AT_NINE), THURSDAY_AT_NINE.minus(Duration.ofHours(20)));
        Instant saturdayAtNine = Instant.parse("2026-12-05T08:00:00Z");
        Instant dayLater = saturdayAtNine.plus(MAX_REQUEST_AGE);

        ScheduledRequests.Firing late = fireAndRecord(at(dayLater), due("daily", THURSDAY_AT_NINE));

        assertThat(late.series().dueAt())
                .as("a request exactly max-request-age old may still be dialed")
                .isEqualTo(saturdayAtNine);
    }

    @Test
    void whenACallWithARetryPolicyEndsBusyThenItsNextAttemptIsScheduledAfterTheDelayUntilAttemptsRunOut() {
        CallRequest first = retried("crm-0187", new RetryPolicy(new RetryPolicy.Retry(3, 900), null, null));

        Admission.Scheduled second =
                at(NOW).retryAfter(PARTITION, ended(first), "busy").orElseThrow();

        assertThat(second.intent().requestId()).isEqualTo("crm-0187:attempt-2");
        assertThat(second.intent().dueAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(second.intent().reason()).isEqualTo("attempt 2 of 3 after a busy call (crm-0187)");
        assertThat(second.intent().request().retry())
                .as("its own retries follow the same policy")
                .isNotNull();
        Admission.Scheduled third = at(NOW).retryAfter(
                        PARTITION, ended(second.intent().request()), "busy")
                .orElseThrow();
        assertThat(third.intent().requestId()).isEqualTo("crm-0187:attempt-3");
        assertThat(at(NOW).retryAfter(PARTITION, ended(third.intent().request()), "busy"))
                .as("three attempts in all")
                .isEmpty();
    }

    @Test
    void whenACallEndsInAStatusThePolicyDoesNotRetryThenNothingIsScheduled() {
        CallRequest request = retried("crm-0188", new RetryPolicy(new RetryPolicy.Retry(3, 900), null, null));

        assertThat(at(NOW).retryAfter(PARTITION, ended(request), "completed")).isEmpty();
        assertThat(at(NOW).retryAfter(PARTITION, ended(request), "no-answer")).isEmpty();
        assertThat(at(NOW).retryAfter(PARTITION, ended(oneOff("plain", null)), "busy"))
                .as("no policy, no retry")
                .isEmpty();
    }

    @Test
    void whenAMachineTookTheCallThenThePolicysMachineRetryApplies() {
        var machine = new RetryPolicy.Retry(2, 86_400);
        CallRequest request = retried("crm-0190", new RetryPolicy(null, null, null, machine));

        assertThat(at(NOW).retryAfter(PARTITION, ended(request), RetryPolicy.MACHINE))
                .get()
                .satisfies(next -> {
                    assertThat(next.intent().requestId()).isEqualTo("crm-0190:attempt-2");
                    assertThat(next.intent().dueAt()).isEqualTo(NOW.plusSeconds(86_400));
                });
        assertThat(at(NOW).retryAfter(PARTITION, ended(request), "completed"))
                .as("a person answered")
                .isEmpty();
    }

    @Test
    void whenTheNextAttemptIsThereAlreadyThenItIsNotScheduledAgain() {
        CallRequest first = retried("crm-0189", new RetryPolicy(null, new RetryPolicy.Retry(2, 60), null));
        Admission.Scheduled second =
                at(NOW).retryAfter(PARTITION, ended(first), "no-answer").orElseThrow();
        record(second);

        assertThat(at(NOW).retryAfter(PARTITION, ended(first), "no-answer")).isEmpty();
    }

    // --- campaigns

    @Test
    void whenNoOtherRequestOfTheCampaignIsInProgressThenItsRequestIsQueued() {
        campaigns.apply(campaign("acme", "c1", 1, CampaignRecorded.Status.ACTIVE, null));

        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW)))
                .isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                    assertThat(queued.requestId()).isEqualTo("c1:14155550101");
                    assertThat(queued.intent().state()).isEqualTo(State.INTENDED);
                });
    }

    @Test
    void whenTheCampaignHasAllItsConcurrentCallsThenItsRequestIsScheduledDueNowUntilOneEnds() {
        campaigns.apply(campaign("acme", "c1", 1, CampaignRecorded.Status.ACTIVE, null));
        Admission first = at(NOW.minusSeconds(60))
                .admit(PARTITION, received(inCampaign("c1", "+14155550102", null), NOW.minusSeconds(60)));
        assertThat(first).isInstanceOf(Admission.Queued.class);
        record(first);

        Admission second = at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW));

        assertThat(second).isInstanceOfSatisfying(Admission.Scheduled.class, scheduled -> {
            assertThat(scheduled.intent().requestId()).isEqualTo("c1:14155550101");
            assertThat(scheduled.intent().state()).isEqualTo(State.SCHEDULED);
            assertThat(scheduled.intent().dueAt())
                    .as("due now, held by its campaign")
                    .isEqualTo(NOW);
            assertThat(scheduled.intent().reason()).isEqualTo("campaign c1 has its 1 concurrent calls");
            assertThat(scheduled.intent().held()).as("holding nothing").isNull();
        });
        record(second);
        assertThat(at(NOW.plusSeconds(5)).fire(PARTITION, due("c1:14155550101", NOW)))
                .as("still no room: written again, unchanged but for when")
                .get()
                .satisfies(held -> {
                    assertThat(held.admitted()).isNull();
                    assertThat(held.series().state()).isEqualTo(State.SCHEDULED);
                    assertThat(held.series().dueAt()).isEqualTo(NOW);
                    assertThat(held.series().recordedAt()).isEqualTo(NOW.plusSeconds(5));
                });

        intents.record(PARTITION, ended(queued(first).queued().request()));
        Instant firedAt = NOW.plusSeconds(30);

        assertThat(at(firedAt).fire(PARTITION, due("c1:14155550101", NOW)))
                .as("the first call ended: room again")
                .get()
                .satisfies(fired -> {
                    assertThat(fired.series()).isNull();
                    assertThat(fired.admitted()).isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                        assertThat(queued.requestId()).isEqualTo("c1:14155550101");
                        assertThat(queued.queued().receivedAt())
                                .as("its wait for a slot does not count towards its age")
                                .isEqualTo(firedAt);
                    });
                });
    }

    @Test
    void whenAnotherCampaignsRequestIsInProgressThenItDoesNotTakeThisCampaignsSlot() {
        campaigns.apply(campaign("acme", "c1", 1, CampaignRecorded.Status.ACTIVE, null));
        campaigns.apply(campaign("acme", "c2", 1, CampaignRecorded.Status.ACTIVE, null));
        record(at(NOW).admit(PARTITION, received(inCampaign("c2", "+14155550102", null), NOW)));
        record(at(NOW).admit(PARTITION, received(oneOff("r1", null), NOW)));

        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW)))
                .isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenAnIntendedCallsHoldLeaseHasEndedThenItNoLongerTakesTheCampaignsSlot() {
        campaigns.apply(campaign("acme", "c1", 1, CampaignRecorded.Status.ACTIVE, null));
        Admission first = at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550102", null), NOW));
        record(first);
        Instant leaseEnded = queued(first).intent().heldUntil().plusSeconds(1);

        assertThat(at(leaseEnded).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), leaseEnded)))
                .isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenTheCampaignIsPausedThenItsDueRequestStaysScheduled() {
        CampaignRecorded active = campaign("acme", "c1", 5, CampaignRecorded.Status.ACTIVE, null);
        campaigns.apply(active);
        Instant startAt = NOW.plusSeconds(600);
        scheduleAt(inCampaign("c1", "+14155550101", startAt), NOW.minusSeconds(60));
        campaigns.apply(
                active.withStatus(CampaignRecorded.Status.PAUSED, "paused by ops@acme at " + NOW, NOW, "ops@acme"));

        assertThat(at(startAt.plusSeconds(1)).fire(PARTITION, due("c1:14155550101", startAt)))
                .get()
                .satisfies(held -> {
                    assertThat(held.admitted()).isNull();
                    assertThat(held.series().state()).isEqualTo(State.SCHEDULED);
                    assertThat(held.series().dueAt()).isEqualTo(startAt);
                    assertThat(held.series().reason()).isEqualTo("campaign c1 is paused by ops@acme at " + NOW);
                });
        Instant weekLater = startAt.plus(Duration.ofDays(8));
        assertThat(at(weekLater).fire(PARTITION, due("c1:14155550101", startAt)))
                .as("a request held longer than refresh-after is written again, within the topic's retention")
                .get()
                .satisfies(held -> assertThat(held.series().recordedAt()).isEqualTo(weekLater));
        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550102", null), NOW)))
                .as("one arriving while it is paused waits too")
                .isInstanceOfSatisfying(Admission.Scheduled.class, scheduled -> {
                    assertThat(scheduled.intent().dueAt()).isEqualTo(NOW);
                    assertThat(scheduled.intent().reason()).isEqualTo("campaign c1 is paused by ops@acme at " + NOW);
                });
    }

    @Test
    void whenTheCampaignIsResumedThenItsDueRequestIsQueuedWhenFired() {
        CampaignRecorded paused = campaign("acme", "c1", 5, CampaignRecorded.Status.PAUSED, "paused by ops@acme");
        campaigns.apply(paused);
        Admission held = at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW));
        assertThat(held).isInstanceOf(Admission.Scheduled.class);
        record(held);
        campaigns.apply(paused.withStatus(CampaignRecorded.Status.ACTIVE, null, NOW.plusSeconds(10), "ops@acme"));

        assertThat(at(NOW.plusSeconds(20)).fire(PARTITION, due("c1:14155550101", NOW)))
                .get()
                .extracting(ScheduledRequests.Firing::admitted)
                .isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenTheCampaignIsCancelledThenItsRequestIsRejectedOnArrival() {
        campaigns.apply(campaign(
                "acme",
                "c1",
                5,
                CampaignRecorded.Status.CANCELLED,
                "cancelled by ops@acme at " + NOW.minusSeconds(60)));

        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW)))
                .isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                    assertThat(rejected.requestId()).isEqualTo("c1:14155550101");
                    assertThat(rejected.reason())
                            .isEqualTo("campaign c1 was cancelled by ops@acme at " + NOW.minusSeconds(60));
                    assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
                    assertThat(rejected.settled().held()).isNull();
                });
    }

    @Test
    void whenTheCampaignIsCancelledWhileItsRequestIsScheduledThenItIsRejectedWhenFired() {
        CampaignRecorded active = campaign("acme", "c1", 5, CampaignRecorded.Status.ACTIVE, null);
        campaigns.apply(active);
        Instant startAt = NOW.plusSeconds(600);
        scheduleAt(inCampaign("c1", "+14155550101", startAt), NOW.minusSeconds(60));
        campaigns.apply(active.withStatus(CampaignRecorded.Status.CANCELLED, null, NOW, "ops@acme"));

        Optional<ScheduledRequests.Firing> firing =
                at(startAt.plusSeconds(1)).fire(PARTITION, due("c1:14155550101", startAt));

        assertThat(firing).get().satisfies(fired -> {
            assertThat(fired.series()).isNull();
            assertThat(fired.admitted()).isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                assertThat(rejected.requestId()).isEqualTo("c1:14155550101");
                assertThat(rejected.reason())
                        .as("without a reason of its own, the campaign's status")
                        .isEqualTo("campaign c1 was cancelled");
                assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
            });
        });
    }

    @Test
    void whenARequestsIdNamesNoCampaignOfItsAccountThenItIsAdmittedAsAnyRequest() {
        campaigns.apply(campaign("acme", "c1", 1, CampaignRecorded.Status.ACTIVE, null));
        campaigns.apply(campaign("globex", "c9", 1, CampaignRecorded.Status.CANCELLED, "cancelled by ops@globex"));
        record(at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550102", null), NOW)));

        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c9", "+14155550101", null), NOW)))
                .as("another account's campaign of that id")
                .isInstanceOf(Admission.Queued.class);
        assertThat(at(NOW).admit(PARTITION, received(inCampaign("c8", "+14155550101", null), NOW)))
                .as("no campaign of that id")
                .isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenThePersonHadAsManyCallsAsTheCapAllowsThenTheCampaignsRequestIsScheduledForWhenTheCapAllowsOneMore() {
        campaignProperties =
                new CampaignProperties(10, 10_000, new CampaignProperties.PersonCap(2, Duration.ofDays(1)), Map.of());
        campaigns.apply(campaign("acme", "c1", 5, CampaignRecorded.Status.ACTIVE, null));
        campaigns.apply(campaign("acme", "c2", 5, CampaignRecorded.Status.ACTIVE, null));
        // Two calls to the person today, by another campaign and by a plain request: the account's, whatever made them.
        Instant earlier = NOW.minus(Duration.ofHours(5));
        Instant later = NOW.minus(Duration.ofHours(1));
        intents.record(PARTITION, ended(inCampaign("c2", "+14155550101", null), earlier));
        intents.record(PARTITION, ended(oneOff("plain", null, "+14155550101"), later));

        Admission capped = at(NOW).admit(PARTITION, received(inCampaign("c1", "+14155550101", null), NOW));

        assertThat(capped).isInstanceOfSatisfying(Admission.Scheduled.class, scheduled -> {
            assertThat(scheduled.intent().dueAt())
                    .as("when the earlier of the two leaves the day")
                    .isEqualTo(earlier.plus(Duration.ofDays(1)));
            assertThat(scheduled.intent().reason())
                    .startsWith("cap reached: 2 calls to +14155550101 in PT24H (at most 2)");
        });
        record(capped);
        Instant dueAt = earlier.plus(Duration.ofDays(1));
        assertThat(at(dueAt.plusSeconds(1)).fire(PARTITION, due("c1:14155550101", dueAt)))
                .get()
                .satisfies(fired -> assertThat(fired.admitted()).isInstanceOf(Admission.Queued.class));
        assertThat(at(NOW).admit(PARTITION, received(oneOff("plain-2", null, "+14155550101"), NOW)))
                .as("a request of no campaign is not capped")
                .isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenTheCapIsReachedAtItsDueTimeThenTheCampaignsRequestIsRescheduledWithTheReason() {
        campaignProperties =
                new CampaignProperties(10, 10_000, new CampaignProperties.PersonCap(1, Duration.ofHours(12)), Map.of());
        campaigns.apply(campaign("acme", "c1", 5, CampaignRecorded.Status.ACTIVE, null));
        Instant startAt = NOW.plusSeconds(600);
        scheduleAt(inCampaign("c1", "+14155550101", startAt), NOW);
        Instant called = NOW.plusSeconds(300);
        intents.record(PARTITION, ended(oneOff("plain", null, "+14155550101"), called));

        var fired = at(startAt).fire(PARTITION, due("c1:14155550101", startAt));

        assertThat(fired)
                .get()
                .satisfies(firing -> assertThat(firing.admitted())
                        .isInstanceOfSatisfying(Admission.Scheduled.class, later -> {
                            assertThat(later.intent().dueAt()).isEqualTo(called.plus(Duration.ofHours(12)));
                            assertThat(later.intent().reason()).startsWith("cap reached");
                        }));
    }

    private static Admission.Queued queued(Admission admission) {
        assertThat(admission).isInstanceOf(Admission.Queued.class);
        return (Admission.Queued) admission;
    }

    private static CampaignRecorded campaign(
            String accountId,
            String campaignId,
            int maxConcurrentCalls,
            CampaignRecorded.Status status,
            String reason) {
        return new CampaignRecorded(
                campaignId,
                accountId,
                "Renewals",
                "sales",
                List.of("+14155550123"),
                NOW.minus(Duration.ofHours(1)),
                null,
                null,
                null,
                maxConcurrentCalls,
                null,
                status,
                reason,
                NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(1)),
                "ops@" + accountId);
    }

    /** A campaign's contact's request, as {@code CampaignContacts} makes it. */
    private static CallRequest inCampaign(String campaignId, String number, Instant notBefore) {
        return new CallRequest(
                CampaignRecorded.requestId(campaignId, number),
                "acme",
                number,
                "+14155550123",
                "sales",
                Map.of("campaignId", campaignId),
                null,
                null,
                null,
                notBefore,
                null,
                null,
                null);
    }

    private static DialIntentRecorded ended(CallRequest request, Instant at) {
        DialIntentRecorded ended = ended(request);
        return new DialIntentRecorded(
                ended.requestId(),
                ended.accountId(),
                ended.to(),
                ended.from(),
                ended.state(),
                ended.provider(),
                "CA-" + request.requestId(),
                "completed",
                at,
                ended.assistantId(),
                ended.metadata(),
                ended.timeLimitSeconds(),
                null,
                null,
                ended.walletVersion(),
                null,
                null,
                ended.providerAccount(),
                null,
                null);
    }

    /** The intent of {@code request}'s call once billing settled it, as the account's owner records it. */
    private static DialIntentRecorded ended(CallRequest request) {
        return new DialIntentRecorded(
                request.requestId(),
                request.accountId(),
                request.to(),
                request.from(),
                State.ENDED,
                "twilio",
                "CA1",
                null,
                NOW,
                request.assistantId(),
                request.metadata(),
                60,
                null,
                null,
                1L,
                null,
                null,
                PROVIDER_ACCOUNT,
                null,
                request.retry() == null ? null : request);
    }

    private static CallRequest retried(String requestId, RetryPolicy retry) {
        return new CallRequest(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                retry);
    }

    private ScheduledRequests at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var placement = new CallPlacement(
                new NeverAsked(),
                new DialChecks(
                        views.accounts, views.wallets, new WalletHolds(intents, clock), properties(), views.doNotCall),
                intents,
                properties(),
                clock);
        return new ScheduledRequests(
                DialerTestSchedules.schedules(clock),
                new CampaignGate(campaigns, intents, campaignProperties),
                intents,
                placement,
                properties(),
                clock);
    }

    private void scheduleAt(CallRequest request, Instant receivedAt) {
        Admission admission = at(receivedAt).admit(PARTITION, received(request, receivedAt));
        assertThat(admission).isInstanceOf(Admission.Scheduled.class);
        record(admission);
    }

    /** Fires {@code due} and records what the listener commits with it. */
    private ScheduledRequests.Firing fireAndRecord(ScheduledRequests scheduled, CallRequestDue due) {
        ScheduledRequests.Firing firing = scheduled.fire(PARTITION, due).orElseThrow();
        record(firing.admitted());
        if (firing.series() != null) {
            intents.record(PARTITION, firing.series());
        }
        return firing;
    }

    /** What the listener commits for an admission, as far as the account's intents go. */
    private void record(Admission admission) {
        switch (admission) {
            case Admission.Queued queued -> intents.record(PARTITION, queued.intent());
            case Admission.Rejected rejected -> intents.record(PARTITION, rejected.settled());
            case Admission.Scheduled scheduled -> intents.record(PARTITION, scheduled.intent());
            case Admission.Duplicate duplicate -> {}
        }
    }

    private static CallRequestReceived received(CallRequest request, Instant receivedAt) {
        return new CallRequestReceived(request, "crm", receivedAt);
    }

    private static CallRequestDue due(String requestId, Instant dueAt) {
        return new CallRequestDue(requestId, "acme", dueAt);
    }

    private static CallRequest windowed(String requestId, CallingWindow window) {
        return new CallRequest(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                Map.of("campaign", "renewals"),
                null,
                null,
                null,
                null,
                null,
                window,
                null);
    }

    private static CallRequest oneOff(String requestId, Instant notBefore) {
        return recurring(requestId, null, notBefore, null);
    }

    private static CallRequest oneOff(String requestId, Instant notBefore, String to) {
        CallRequest request = oneOff(requestId, notBefore);
        return new CallRequest(
                requestId,
                request.accountId(),
                to,
                request.from(),
                request.assistantId(),
                request.metadata(),
                null,
                null,
                null,
                notBefore,
                null,
                null,
                null);
    }

    private static CallRequest recurring(
            String requestId, Instant expiresAt, Instant notBefore, Recurrence recurrence) {
        return new CallRequest(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                Map.of("campaign", "renewals"),
                expiresAt,
                null,
                null,
                notBefore,
                recurrence,
                null,
                null);
    }

    private static DialerProperties properties() {
        return new DialerProperties(
                URI.create("https://ingress.example.com"),
                Duration.ofHours(1),
                MAX_REQUEST_AGE,
                Duration.ofSeconds(10),
                Duration.ofHours(6),
                "",
                new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10)));
    }

    /** The account's owner only queues: the queue's owner asks the provider. */
    private static final class NeverAsked implements OutboundCalls {

        @Override
        public String name() {
            return "twilio";
        }

        @Override
        public ProviderResult place(OutboundCall call, SendTurn turn) {
            throw new AssertionError("the account's owner does not dial");
        }

        @Override
        public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
            throw new AssertionError("the account's owner does not reconcile");
        }

        @Override
        public void hangUp(OutboundCall call, String callId) {
            throw new AssertionError("no call of these tests is answered");
        }

        @Override
        public void leaveMessage(OutboundCall call, String callId, String message) {
            throw new AssertionError("no call of these tests is answered");
        }
    }
}
