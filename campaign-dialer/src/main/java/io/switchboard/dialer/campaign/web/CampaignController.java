package io.switchboard.dialer.campaign.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.campaign.config.CampaignProperties;
import io.switchboard.dialer.campaign.domain.CampaignContacts;
import io.switchboard.dialer.campaign.domain.CampaignProgress;
import io.switchboard.dialer.campaign.domain.Campaigns;
import io.switchboard.dialer.campaign.domain.Contact;
import io.switchboard.dialer.campaign.domain.InvalidContactsException;
import io.switchboard.dialer.campaign.messaging.CampaignPublisher;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.request.CallRequest;
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
    /** As the schema of dialer-campaigns.v1 allows. */
    private static final int MAX_NAME_LENGTH = 200;

    private static final int MAX_CALLER_IDS = 100;

    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final CampaignPublisher publisher;
    private final DialingAccounts accounts;
    private final CallRequestValidator validator;
    private final CampaignProperties properties;
    private final Clock clock;

    CampaignController(
            Campaigns campaigns,
            CampaignProgress progress,
            CampaignPublisher publisher,
            DialingAccounts accounts,
            CallRequestValidator validator,
            CampaignProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.publisher = publisher;
        this.accounts = accounts;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CampaignResponse>> create(@RequestBody CampaignDefinition definition, Caller caller) {
        String accountId = accountOf(caller);
        return blocking(() -> {
            CampaignRecorded campaign = campaignOf(definition, accountId, caller.subject());
            if (campaigns.find(accountId, campaign.campaignId()).isPresent()) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "campaign " + campaign.campaignId() + " exists; add contacts with POST /api/campaigns/"
                                + campaign.campaignId() + "/contacts");
            }
            List<Contact> contacts = definition.contacts() == null ? List.of() : definition.contacts();
            List<CallRequestReceived> received = received(campaign, contacts);
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
        List<CallRequestReceived> received = received(campaign, contacts);
        publisher.recordWithContacts(campaign, received);
        return ResponseEntity.accepted().body(new ContactsAccepted(campaignId, contacts.size(), received.size()));
    }

    /** Each distinct contact's request, validated as any call request is. */
    private List<CallRequestReceived> received(CampaignRecorded campaign, List<Contact> contacts) {
        Instant now = clock.instant();
        List<CallRequestReceived> received = new ArrayList<>();
        for (CallRequest request : CampaignContacts.requests(campaign, contacts)) {
            if (validator.validate(EventJson.write(request)) instanceof Validation.Invalid invalid) {
                throw new InvalidContactsException(
                        invalid.field(), "the contact " + request.to() + ": " + invalid.reason());
            }
            received.add(new CallRequestReceived(request, PUBLISHER, now));
        }
        return received;
    }

    private CampaignRecorded campaignOf(CampaignDefinition definition, String accountId, String subject) {
        String campaignId = definition.campaignId();
        if (campaignId == null
                || !CampaignRecorded.CAMPAIGN_ID.matcher(campaignId).matches()) {
            throw new InvalidContactsException(
                    "campaignId", "campaignId: must be 1 to 40 of the characters A-Z a-z 0-9 . _ -");
        }
        if (definition.name() == null
                || definition.name().isBlank()
                || definition.name().length() > MAX_NAME_LENGTH) {
            throw new InvalidContactsException("name", "name: must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        // An account configured a moment ago is found.
        accounts.catchUp();
        DialingAccount account = accounts.find(accountId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "account " + accountId + " not found"));
        List<String> callerIds = callerIdsOf(definition.callerIds(), account);
        if (definition.assistantId() != null && !account.assistantIds().contains(definition.assistantId())) {
            throw new InvalidContactsException(
                    "assistantId", "assistantId: " + definition.assistantId() + " is not one of account " + accountId);
        }
        Instant now = clock.instant();
        Instant startAt = definition.startAt() == null ? now : definition.startAt();
        if (definition.endAt() != null && !definition.endAt().isAfter(startAt)) {
            throw new InvalidContactsException(
                    "endAt", "endAt: " + definition.endAt() + " is not after startAt " + startAt);
        }
        if (definition.endAt() != null && !definition.endAt().isAfter(now)) {
            throw new InvalidContactsException("endAt", "endAt: " + definition.endAt() + " has passed");
        }
        int maxConcurrent = definition.maxConcurrentCalls() == null
                ? properties.defaultMaxConcurrentCalls()
                : definition.maxConcurrentCalls();
        if (maxConcurrent < 1 || maxConcurrent > CampaignProperties.MAX_CONCURRENT_CALLS) {
            throw new InvalidContactsException(
                    "maxConcurrentCalls",
                    "maxConcurrentCalls: must be 1 to " + CampaignProperties.MAX_CONCURRENT_CALLS);
        }
        var campaign = new CampaignRecorded(
                campaignId,
                accountId,
                definition.name().strip(),
                definition.assistantId(),
                callerIds,
                startAt,
                definition.endAt(),
                definition.callingWindow(),
                definition.retry(),
                maxConcurrent,
                autoPauseOf(definition.autoPause()),
                Status.ACTIVE,
                null,
                now,
                now,
                subject);
        // The window and the retry policy are checked as every request's are, on one made from the first caller id.
        received(campaign, List.of(new Contact(callerIds.getFirst(), null, null, null)));
        return campaign;
    }

    private static CampaignRecorded.AutoPause autoPauseOf(CampaignRecorded.AutoPause given) {
        if (given == null) {
            return null;
        }
        if (!(given.failureRate() > 0 && given.failureRate() <= 1)) {
            throw new InvalidContactsException(
                    "autoPause.failureRate", "autoPause.failureRate: must be more than 0 and at most 1");
        }
        if (given.minCalls() < 1 || given.minCalls() > 10_000) {
            throw new InvalidContactsException("autoPause.minCalls", "autoPause.minCalls: must be 1 to 10000");
        }
        if (given.windowMinutes() < 1 || given.windowMinutes() > 1440) {
            throw new InvalidContactsException(
                    "autoPause.windowMinutes", "autoPause.windowMinutes: must be 1 to 1440 (a day)");
        }
        return given;
    }

    private static List<String> callerIdsOf(List<String> given, DialingAccount account) {
        if (given == null || given.isEmpty() || given.size() > MAX_CALLER_IDS) {
            throw new InvalidContactsException(
                    "callerIds", "callerIds: 1 to " + MAX_CALLER_IDS + " numbers of the account");
        }
        List<String> callerIds = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Optional<String> number = PhoneNumbers.normalized(given.get(i));
            if (number.isEmpty() || !account.ownsNumber(number.get())) {
                throw new InvalidContactsException(
                        "callerIds[" + i + "]",
                        "callerIds[" + i + "]: " + given.get(i) + " is not a number of account " + account.accountId());
            }
            if (!callerIds.contains(number.get())) {
                callerIds.add(number.get());
            }
        }
        return callerIds;
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
