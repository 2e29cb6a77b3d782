package io.switchboard.dialer.campaign.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.switchboard.dialer.campaign.config.CampaignProperties;
import io.switchboard.dialer.campaign.domain.CampaignContacts;
import io.switchboard.dialer.campaign.domain.CampaignProgress;
import io.switchboard.dialer.campaign.domain.Campaigns;
import io.switchboard.dialer.campaign.domain.Contact;
import io.switchboard.dialer.campaign.domain.InvalidContactsException;
import io.switchboard.dialer.campaign.messaging.CampaignPublisher;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Campaigns of the token's account: create one (with its contacts, or add them later as JSON or CSV), read its
 * progress, pause, resume or cancel it. A campaign is a record on {@code dialer-campaigns.v1}; each of its contacts
 * is a call request of its own ({@code campaignId:number}, due at the campaign's start, no longer wanted after its
 * end, in its calling window with its retry policy), which the account's owner fires as the campaign's status and
 * concurrent calls allow. Changes are answered once committed to Kafka; another account's campaign is not found.
 */
@RestController
@RequestMapping(path = "/api/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignController {

    static final String PUBLISHER = "campaign";
    private static final String CSV = "text/csv";

    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final CampaignPublisher publisher;
    private final CampaignDefinitions definitions;
    private final CampaignProperties properties;
    private final Clock clock;

    CampaignController(
            Campaigns campaigns,
            CampaignProgress progress,
            CampaignPublisher publisher,
            CampaignDefinitions definitions,
            CampaignProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.publisher = publisher;
        this.definitions = definitions;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CampaignResponse>> create(@RequestBody CampaignDefinition definition, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> {
            CampaignRecorded campaign = definitions.campaignOf(definition, accountId, caller.subject());
            if (campaigns.find(accountId, campaign.campaignId()).isPresent()) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "campaign " + campaign.campaignId() + " exists; add contacts with POST /api/campaigns/"
                                + campaign.campaignId() + "/contacts");
            }
            List<Contact> contacts = definition.contacts() == null ? List.of() : definition.contacts();
            List<CallRequestReceived> received = definitions.received(campaign, contacts);
            publisher.recordWithContacts(campaign, received);
            return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.campaignId()))
                    .body(CampaignResponse.of(campaign, CampaignProgress.Snapshot.EMPTY));
        });
    }

    @PostMapping(path = "/{campaignId}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ContactsAccepted>> addContacts(
            @PathVariable String campaignId, @RequestBody List<Contact> contacts, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> upload(accountId, campaignId, contacts));
    }

    @PostMapping(path = "/{campaignId}/contacts", consumes = CSV)
    Mono<ResponseEntity<ContactsAccepted>> addContactsCsv(
            @PathVariable String campaignId, @RequestBody byte[] csv, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> upload(
                accountId,
                campaignId,
                CampaignContacts.fromCsv(new ByteArrayInputStream(csv), properties.maxContactsPerUpload())));
    }

    @GetMapping
    Mono<List<CampaignResponse>> list(Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> {
            Instant now = clock.instant();
            return campaigns.of(accountId).stream()
                    .map(campaign -> CampaignResponse.of(campaign, progress.of(campaign, now)))
                    .toList();
        });
    }

    @GetMapping("/{campaignId}")
    Mono<CampaignResponse> get(@PathVariable String campaignId, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> {
            CampaignRecorded campaign = existing(accountId, campaignId);
            return CampaignResponse.of(campaign, progress.of(campaign, clock.instant()));
        });
    }

    @PostMapping("/{campaignId}/pause")
    Mono<CampaignResponse> pause(
            @PathVariable String campaignId, @RequestBody(required = false) StatusChange change, Caller caller) {
        return changeStatus(campaignId, Status.PAUSED, "paused", change, caller);
    }

    @PostMapping("/{campaignId}/resume")
    Mono<CampaignResponse> resume(@PathVariable String campaignId, Caller caller) {
        return changeStatus(campaignId, Status.ACTIVE, "resumed", null, caller);
    }

    @PostMapping("/{campaignId}/cancel")
    Mono<CampaignResponse> cancel(
            @PathVariable String campaignId, @RequestBody(required = false) StatusChange change, Caller caller) {
        return changeStatus(campaignId, Status.CANCELLED, "cancelled", change, caller);
    }

    private Mono<CampaignResponse> changeStatus(
            String campaignId, Status status, String verb, StatusChange change, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> {
            CampaignRecorded campaign = existing(accountId, campaignId);
            if (campaign.status() == Status.CANCELLED) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT, "campaign " + campaignId + " is cancelled: " + campaign.statusReason());
            }
            Instant now = clock.instant();
            String why =
                    change == null || change.reason() == null || change.reason().isBlank()
                            ? ""
                            : ": " + limit(change.reason().strip(), 256);
            String reason = status == Status.ACTIVE ? null : verb + " by " + caller.subject() + " at " + now + why;
            CampaignRecorded changed = campaign.withStatus(status, reason, now, caller.subject());
            if (status == Status.CANCELLED) {
                List<CallRequestCancelled> open = progress.open(campaign).stream()
                        .map(requestId -> new CallRequestCancelled(requestId, accountId, now, caller.subject()))
                        .toList();
                publisher.recordCancelled(changed, open);
            } else {
                publisher.recordOnly(changed);
            }
            return CampaignResponse.of(changed, progress.of(changed, now));
        });
    }

    private ResponseEntity<ContactsAccepted> upload(String accountId, String campaignId, List<Contact> contacts) {
        CampaignRecorded campaign = existing(accountId, campaignId);
        if (campaign.status() == Status.CANCELLED) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "campaign " + campaignId + " is cancelled: " + campaign.statusReason());
        }
        if (contacts == null || contacts.isEmpty()) {
            throw new InvalidContactsException("contacts", "contacts: at least one contact");
        }
        if (contacts.size() > properties.maxContactsPerUpload()) {
            throw new InvalidContactsException(
                    "contacts",
                    "contacts: more than " + properties.maxContactsPerUpload()
                            + " in one upload; upload them in parts");
        }
        List<CallRequestReceived> received = definitions.received(campaign, contacts);
        publisher.recordWithContacts(campaign, received);
        return ResponseEntity.accepted().body(new ContactsAccepted(campaignId, contacts.size(), received.size()));
    }

    private CampaignRecorded existing(String accountId, String campaignId) {
        return campaigns
                .find(accountId, campaignId)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "campaign " + campaignId + " not found"));
    }

    private static String accountOf(Caller caller) {
        if (caller.accountId() == null) {
            // An operator's token acts for no account: it has no campaigns.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaigns without an account");
        }
        return caller.accountId();
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Waits for views and Kafka commits: never on the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
