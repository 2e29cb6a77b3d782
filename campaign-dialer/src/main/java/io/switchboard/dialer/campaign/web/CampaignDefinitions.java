package io.switchboard.dialer.campaign.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.campaign.config.CampaignProperties;
import io.switchboard.dialer.campaign.domain.CampaignContacts;
import io.switchboard.dialer.campaign.domain.Contact;
import io.switchboard.dialer.campaign.domain.InvalidContactsException;
import io.switchboard.dialer.request.domain.CallRequestValidator;
import io.switchboard.dialer.request.domain.Validation;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.request.CallRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the campaigns API makes of what a caller sends: a definition checked field by field into the campaign to
 * record (its caller ids the account's, its window and retry policy as any request's), and contacts into the call
 * requests to pass on, each validated as any call request is. A refusal names the field at fault.
 */
@Component
class CampaignDefinitions {

    /** As the schema of dialer-campaigns.v1 allows. */
    private static final int MAX_NAME_LENGTH = 200;

    private static final int MAX_CALLER_IDS = 100;

    private final DialingAccounts accounts;
    private final CallRequestValidator validator;
    private final CampaignProperties properties;
    private final Clock clock;

    CampaignDefinitions(
            DialingAccounts accounts, CallRequestValidator validator, CampaignProperties properties, Clock clock) {
        this.accounts = accounts;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    /** Each distinct contact's request, validated as any call request is. */
    List<CallRequestReceived> received(CampaignRecorded campaign, List<Contact> contacts) {
        Instant now = clock.instant();
        List<CallRequestReceived> received = new ArrayList<>();
        for (CallRequest request : CampaignContacts.requests(campaign, contacts)) {
            if (validator.validate(EventJson.write(request)) instanceof Validation.Invalid invalid) {
                throw new InvalidContactsException(
                        invalid.field(), "the contact " + request.to() + ": " + invalid.reason());
            }
            received.add(new CallRequestReceived(request, CampaignController.PUBLISHER, now));
        }
        return received;
    }

    CampaignRecorded campaignOf(CampaignDefinition definition, String accountId, String subject) {
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
}
