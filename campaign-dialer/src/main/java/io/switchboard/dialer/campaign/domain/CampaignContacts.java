package io.switchboard.dialer.campaign.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.pacing.domain.DestinationPrefix;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.CallingWindow;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Turns a campaign's uploaded contacts into its call requests, one per distinct number: a number uploaded twice (in
 * one upload or in two, in any spelling) is one contact, because its request id is made of the campaign and the
 * normalized number, and the dialer keeps each request id once. Each is called from the campaign's caller id with
 * the contact's area code when it has one (local presence), else from its first caller id.
 */
public final class CampaignContacts {

    /** The metadata keys a contact's request carries besides its own variables. */
    public static final String CAMPAIGN_KEY = "campaignId";

    public static final String NAME_KEY = "contactName";

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvReadFeature.TRIM_SPACES)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();

    private CampaignContacts() {}

    /**
     * The contacts of a CSV upload: a header row, then one contact per row. Columns {@code number} (required),
     * {@code name} and {@code timeZone} are the contact's; every other column is a variable passed to the assistant.
     *
     * @throws InvalidContactsException naming the row at fault
     */
    public static List<Contact> fromCsv(InputStream csv, int maxContacts) {
        List<Contact> contacts = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            while (rows.hasNextValue()) {
                Map<String, String> cells = new LinkedHashMap<>(rows.nextValue());
                // Counted in contacts, the header and empty lines left out.
                int row = contacts.size() + 1;
                if (contacts.size() == maxContacts) {
                    throw new InvalidContactsException(
                            "contacts", "more than " + maxContacts + " contacts in one upload; upload them in parts");
                }
                String number = cells.remove("number");
                if (number == null || number.isBlank()) {
                    throw new InvalidContactsException(
                            "contacts",
                            "contact " + row + ": no number (the header row must name a number column, and every row"
                                    + " fill it)");
                }
                String name = blankToNull(cells.remove("name"));
                String timeZone = blankToNull(cells.remove("timeZone"));
                cells.values().removeIf(value -> value == null || value.isEmpty());
                contacts.add(new Contact(number, name, timeZone, cells));
            }
        } catch (JacksonException e) {
            throw new InvalidContactsException("contacts", "not CSV with a header row: " + e.getOriginalMessage());
        }
        return contacts;
    }

    /**
     * The call requests of {@code contacts} for {@code campaign}, one per distinct number, in upload order.
     *
     * @throws InvalidContactsException naming the contact at fault, e.g. {@code contacts[3].number}
     */
    public static List<CallRequest> requests(CampaignRecorded campaign, List<Contact> contacts) {
        Map<String, String> byAreaCode = new HashMap<>();
        for (String callerId : campaign.callerIds()) {
            byAreaCode.putIfAbsent(DestinationPrefix.of(callerId), callerId);
        }
        Map<String, CallRequest> requests = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            String field = "contacts[" + i + "]";
            if (contact == null) {
                throw new InvalidContactsException(field, field + ": is null");
            }
            Optional<String> number = PhoneNumbers.normalized(contact.number());
            if (number.isEmpty()) {
                throw new InvalidContactsException(
                        field + ".number",
                        field + ".number: " + contact.number() + " is not a valid international number (E.164)");
            }
            String to = number.get();
            String from = byAreaCode.getOrDefault(
                    DestinationPrefix.of(to), campaign.callerIds().getFirst());
            Map<String, String> metadata = new LinkedHashMap<>(contact.variables());
            metadata.put(CAMPAIGN_KEY, campaign.campaignId());
            if (contact.name() != null) {
                metadata.put(NAME_KEY, contact.name());
            }
            String requestId = CampaignRecorded.requestId(campaign.campaignId(), to);
            requests.putIfAbsent(
                    requestId,
                    new CallRequest(
                            requestId,
                            campaign.accountId(),
                            to,
                            from,
                            campaign.assistantId(),
                            metadata,
                            campaign.endAt(),
                            null,
                            null,
                            campaign.startAt(),
                            null,
                            windowFor(campaign.callingWindow(), contact.timeZone()),
                            campaign.retry()));
        }
        return List.copyOf(requests.values());
    }

    private static CallingWindow windowFor(CallingWindow window, String timeZone) {
        if (window == null || timeZone == null) {
            return window;
        }
        return new CallingWindow(window.days(), window.start(), window.end(), timeZone, window.blackoutDates());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
