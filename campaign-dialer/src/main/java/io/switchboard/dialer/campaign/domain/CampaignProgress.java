package io.switchboard.dialer.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.FollowedView;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.kafka.FollowedTopic;
import io.switchboard.events.request.CallRequest;

/**
 * What became of every campaign's contacts, on every dialer instance: a view of {@code dialer-intents.v1}, read
 * whole, of the requests whose id names a campaign ({@code campaignId:number}, and its retries). A contact is in the
 * state of its latest attempt: pending (not called yet: waiting for the campaign's start, the contact's calling
 * window or a free slot of the campaign), scheduled (a retry waiting for its time), in progress (queued, being
 * dialed or in a call), done (by how its last call ended) or skipped (by why it was not dialed). Contacts uploaded
 * a moment ago and not yet read by their account's owner are not counted yet. Written by the follower's one thread,
 * read by the API.
 */
public class CampaignProgress {

    /** How far back calls placed count towards the rate now. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final Map<String, Tally> campaigns = new ConcurrentHashMap<>();
    private final FollowedView view = new FollowedView("dialer-intents.v1");

    public void apply(DialIntentRecorded intent) {
        String campaignId = CampaignRecorded.campaignOf(intent.requestId());
        if (campaignId == null || intent.state() == null) {
            return;
        }
        campaigns
                .computeIfAbsent(CampaignRecorded.key(intent.accountId(), campaignId), key -> new Tally())
                .apply(intent);
    }

    /** The campaign's progress at {@code now}, after catching up with every intent committed before this call. */
    public Snapshot of(CampaignRecorded campaign, Instant now) {
        view.catchUp();
        Tally tally = campaigns.get(campaign.key());
        return tally == null ? Snapshot.EMPTY : tally.snapshot(now);
    }

    /** The campaign's requests that may still be dialed (scheduled or intended): what cancelling it withdraws. */
    public List<String> open(CampaignRecorded campaign) {
        view.catchUp();
        Tally tally = campaigns.get(campaign.key());
        return tally == null ? List.of() : tally.open();
    }

    public void readFrom(FollowedTopic topic) {
        view.readFrom(topic);
    }

    public boolean isLoaded() {
        return view.isLoaded();
    }

    /** A short name for why a request was not dialed, to count skipped contacts by. */
    static String skipReason(String reason) {
        if (reason == null) {
            return "other";
        }
        String text = reason.toLowerCase(Locale.ROOT);
        if (text.contains("cancelled")) {
            return "cancelled";
        }
        if (text.contains("do-not-call")) {
            return "do-not-call";
        }
        if (text.contains("calling window") || text.contains("callingwindow")) {
            return "outside calling window";
        }
        if (text.contains("wallet")) {
            return "wallet";
        }
        if (text.contains("expired") || text.contains("max-request-age")) {
            return "expired";
        }
        if (text.contains("not a valid") || text.contains("invalid") || text.contains("not one of")) {
            return "invalid";
        }
        return "other";
    }

    /**
     * A campaign's progress.
     *
     * @param contacts        the distinct contacts
     * @param pending         not called yet
     * @param scheduled       waiting for a retry
     * @param skipped         by why they were not dialed (cancelled, do-not-call, expired, ...)
     * @param done            by how their last call ended (completed, busy, no-answer, failed, ...)
     * @param attempts        calls placed, retries included
     * @param callsPerMinute  calls placed in the last minute
     * @param estimatedFinish when the contacts not done or skipped would all be dialed at the rate now; null while
     *                        nothing is being placed
     */
    public record Snapshot(
            int contacts,
            int pending,
            int scheduled,
            int inProgress,
            Map<String, Integer> done,
            Map<String, Integer> skipped,
            int attempts,
            int callsPerMinute,
            Instant estimatedFinish) {

        public static final Snapshot EMPTY = new Snapshot(0, 0, 0, 0, Map.of(), Map.of(), 0, 0, null);
    }

    /** One campaign's contacts, by contact request id (the retries' suffix left out). */
    private static final class Tally {

        private final Map<String, Contact> contacts = new HashMap<>();
        private final Deque<Instant> placedLately = new ArrayDeque<>();

        synchronized void apply(DialIntentRecorded intent) {
            String contactId = CampaignRecorded.contactOf(intent.requestId());
            Contact contact = contacts.computeIfAbsent(contactId, id -> new Contact());
            int attempt = CallRequest.attemptOf(intent.requestId());
            if (attempt < contact.attempt) {
                if (placedACall(intent)) {
                    contact.placed.add(intent.requestId());
                }
                return;
            }
            contact.attempt = attempt;
            contact.requestId = intent.requestId();
            contact.latest = intent;
            if (placedACall(intent) && contact.placed.add(intent.requestId())) {
                placedLately.addLast(intent.recordedAt());
                // Only the last minute counts: what is older is dropped as the topic is read, not kept for ever.
                while (placedLately.peekFirst().isBefore(intent.recordedAt().minus(RATE_WINDOW))) {
                    placedLately.removeFirst();
                }
            }
        }

        /**
         * A call was placed for it: placed, or ended with a call (settled before the word that it was placed, or
         * its placed record compacted away).
         */
        private static boolean placedACall(DialIntentRecorded intent) {
            return intent.state() == State.PLACED || (intent.state() == State.ENDED && intent.callId() != null);
        }

        synchronized Snapshot snapshot(Instant now) {
            while (!placedLately.isEmpty() && placedLately.peekFirst().isBefore(now.minus(RATE_WINDOW))) {
                placedLately.removeFirst();
            }
            int pending = 0;
            int scheduled = 0;
            int inProgress = 0;
            int attempts = 0;
            Map<String, Integer> done = new TreeMap<>();
            Map<String, Integer> skipped = new TreeMap<>();
            for (Contact contact : contacts.values()) {
                attempts += contact.placed.size();
                DialIntentRecorded latest = contact.latest;
                switch (latest.state()) {
                    case SCHEDULED -> {
                        if (contact.attempt == 1) {
                            pending++;
                        } else {
                            scheduled++;
                        }
                    }
                    case INTENDED, PLACED -> inProgress++;
                    case ENDED -> done.merge(latest.reason() == null ? "completed" : latest.reason(), 1, Integer::sum);
                    case REJECTED, CANCELLED -> skipped.merge(skipReason(latest.reason()), 1, Integer::sum);
                }
            }
            int perMinute = placedLately.size();
            int remaining = pending + scheduled + inProgress;
            Instant finish = perMinute == 0 || remaining == 0
                    ? null
                    : now.plus(Duration.ofSeconds(Math.ceilDiv(remaining * 60L, perMinute)));
            return new Snapshot(
                    contacts.size(), pending, scheduled, inProgress, done, skipped, attempts, perMinute, finish);
        }

        synchronized List<String> open() {
            List<String> open = new ArrayList<>();
            for (Contact contact : contacts.values()) {
                State state = contact.latest.state();
                if (state == State.SCHEDULED || state == State.INTENDED) {
                    open.add(contact.requestId);
                }
            }
            return open;
        }
    }

    private static final class Contact {
        int attempt;
        String requestId;
        DialIntentRecorded latest;
        final Set<String> placed = new HashSet<>();
    }
}
