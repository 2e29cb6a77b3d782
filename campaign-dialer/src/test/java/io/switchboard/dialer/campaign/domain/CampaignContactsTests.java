package io.switchboard.dialer.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.CallingWindow;
import io.switchboard.events.request.RetryPolicy;
import org.junit.jupiter.api.Test;

class CampaignContactsTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant START_AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant END_AT = Instant.parse("2026-12-18T20:00:00Z");
    private static final CallingWindow WINDOW = new CallingWindow(
            List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "20:00", "America/New_York", List.of("2026-12-25"));
    private static final RetryPolicy RETRY =
            new RetryPolicy(new RetryPolicy.Retry(3, 900), new RetryPolicy.Retry(2, 3600), null);

    /** San Francisco's number first, New York's second: a New York contact does not get the first by accident. */
    private static final String SAN_FRANCISCO_CALLER_ID = "+14155550123";

    private static final String NEW_YORK_CALLER_ID = "+12125550100";

    // --- CSV

    @Test
    void whenACsvHasAHeaderRowThenEachRowIsAContactWithItsOtherColumnsAsVariables() {
        List<Contact> contacts = CampaignContacts.fromCsv(csv("""
                        number,name,timeZone,plan,renewsOn
                        +14155550101,Ann Lee,America/Los_Angeles,gold,2027-01-01
                        +12125550101,Bo Chen,Europe/Berlin,silver,2027-02-01
                        """), 10);

        assertThat(contacts)
                .containsExactly(
                        new Contact(
                                "+14155550101",
                                "Ann Lee",
                                "America/Los_Angeles",
                                Map.of("plan", "gold", "renewsOn", "2027-01-01")),
                        new Contact(
                                "+12125550101",
                                "Bo Chen",
                                "Europe/Berlin",
                                Map.of("plan", "silver", "renewsOn", "2027-02-01")));
    }

    @Test
    void whenCellsAreEmptyThenTheyAreDroppedAndAnEmptyNameOrTimeZoneIsNone() {
        List<Contact> contacts = CampaignContacts.fromCsv(csv("""
                        number,name,timeZone,plan,city
                        +14155550101,,,gold,
                        +12125550101,  ,  ,,Queens
                        """), 10);

        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).name()).isNull();
        assertThat(contacts.get(0).timeZone()).isNull();
        assertThat(contacts.get(0).variables()).containsExactly(entry("plan", "gold"));
        assertThat(contacts.get(1).name()).as("blank is none").isNull();
        assertThat(contacts.get(1).timeZone()).isNull();
        assertThat(contacts.get(1).variables()).containsExactly(entry("city", "Queens"));
    }

    @Test
    void whenColumnsAreOnlyNumberThenContactsHaveNoNameNoZoneAndNoVariables() {
        List<Contact> contacts = CampaignContacts.fromCsv(csv("number\n+14155550101\n\n+12125550101\n"), 10);

        assertThat(contacts)
                .as("the empty line is skipped")
                .containsExactly(
                        new Contact("+14155550101", null, null, Map.of()),
                        new Contact("+12125550101", null, null, Map.of()));
    }

    @Test
    void whenTheHeaderRowNamesNoNumberColumnThenTheUploadIsRefused() {
        assertThatThrownBy(() -> CampaignContacts.fromCsv(csv("phone,name\n+14155550101,Ann\n"), 10))
                .isInstanceOfSatisfying(InvalidContactsException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contacts");
                    assertThat(refused.getMessage()).contains("contact 1").contains("no number");
                });
    }

    @Test
    void whenAnUploadHasMoreContactsThanTheMaxThenItIsRefused() {
        String threeContacts = "number\n+14155550101\n+14155550102\n+14155550103\n";

        assertThatThrownBy(() -> CampaignContacts.fromCsv(csv(threeContacts), 2))
                .isInstanceOfSatisfying(InvalidContactsException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contacts");
                    assertThat(refused.getMessage()).contains("more than 2 contacts");
                });
        assertThat(CampaignContacts.fromCsv(csv(threeContacts), 3))
                .as("exactly the max is taken")
                .hasSize(3);
    }

    @Test
    void whenTheCsvIsMalformedThenTheUploadIsRefused() {
        assertThatThrownBy(() -> CampaignContacts.fromCsv(csv("number,name\n\"+14155550101,Ann\n"), 10))
                .as("a quote never closed")
                .isInstanceOfSatisfying(InvalidContactsException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contacts");
                    assertThat(refused.getMessage()).startsWith("not CSV with a header row");
                });
        assertThatThrownBy(() -> CampaignContacts.fromCsv(csv("number,name\n+14155550101,Ann,gold\n"), 10))
                .as("more cells than the header names")
                .isInstanceOfSatisfying(InvalidContactsException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contacts");
                    assertThat(refused.getMessage()).startsWith("not CSV with a header row");
                });
    }

    // --- requests

    @Test
    void whenANumberIsUploadedInTwoSpellingsThenItIsOneRequestNamedByTheCampaignAndItsDigits() {
        List<CallRequest> requests = CampaignContacts.requests(
                campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                List.of(
                        new Contact("+1 415 555 0101", "Ann Lee", null, Map.of()),
                        new Contact("+14155550101", "Ann L.", null, Map.of()),
                        new Contact("+1 (212) 555-0101", null, null, Map.of())));

        assertThat(requests)
                .extracting(CallRequest::requestId)
                .containsExactly("campaign:14155550101", "campaign:12125550101");
        assertThat(requests.getFirst().to()).as("normalized to E.164").isEqualTo("+14155550101");
        assertThat(requests.getFirst().metadata())
                .as("the first spelling's contact is the one kept")
                .containsEntry(CampaignContacts.NAME_KEY, "Ann Lee");
        assertThat(requests.get(1).to()).isEqualTo("+12125550101");
    }

    @Test
    void whenTheCallerIdsHaveTheContactsAreaCodeThenItIsCalledFromThatOneElseFromTheFirst() {
        CampaignRecorded campaign = campaign(List.of(SAN_FRANCISCO_CALLER_ID, NEW_YORK_CALLER_ID), null);

        List<CallRequest> requests = CampaignContacts.requests(
                campaign,
                List.of(
                        new Contact("+12125550101", null, null, Map.of()),
                        new Contact("+14155550101", null, null, Map.of()),
                        new Contact("+12025550101", null, null, Map.of()),
                        new Contact("+442079460000", null, null, Map.of())));

        assertThat(requests)
                .extracting(CallRequest::to, CallRequest::from)
                .containsExactly(
                        tuple("+12125550101", NEW_YORK_CALLER_ID),
                        tuple("+14155550101", SAN_FRANCISCO_CALLER_ID),
                        tuple("+12025550101", SAN_FRANCISCO_CALLER_ID),
                        tuple("+442079460000", SAN_FRANCISCO_CALLER_ID));
        assertThat(CampaignContacts.requests(
                                campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                                List.of(new Contact("+12125550101", null, null, Map.of())))
                        .getFirst()
                        .from())
                .as("no New York number in the pool: the first")
                .isEqualTo(SAN_FRANCISCO_CALLER_ID);
    }

    @Test
    void whenAContactHasVariablesAndANameThenItsRequestCarriesThemWithTheCampaign() {
        CallRequest request = CampaignContacts.requests(
                        campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                        List.of(new Contact("+14155550101", "Ann Lee", null, Map.of("plan", "gold", "city", "SF"))))
                .getFirst();

        assertThat(request.metadata())
                .containsOnly(
                        entry("plan", "gold"),
                        entry("city", "SF"),
                        entry(CampaignContacts.CAMPAIGN_KEY, "campaign"),
                        entry(CampaignContacts.NAME_KEY, "Ann Lee"));
        assertThat(CampaignContacts.requests(
                                campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                                List.of(new Contact("+14155550101", null, null, null)))
                        .getFirst()
                        .metadata())
                .as("no name, no contactName")
                .containsOnly(entry(CampaignContacts.CAMPAIGN_KEY, "campaign"));
    }

    @Test
    void whenRequestsAreMadeThenTheyFollowTheCampaignsTimesWindowAndRetries() {
        CallRequest request = CampaignContacts.requests(
                        campaign(List.of(SAN_FRANCISCO_CALLER_ID), WINDOW),
                        List.of(new Contact("+14155550101", null, null, Map.of())))
                .getFirst();

        assertThat(request.accountId()).isEqualTo("acme");
        assertThat(request.assistantId()).isEqualTo("sales");
        assertThat(request.notBefore()).isEqualTo(START_AT);
        assertThat(request.expiresAt()).isEqualTo(END_AT);
        assertThat(request.callingWindow()).isEqualTo(WINDOW);
        assertThat(request.retry()).isEqualTo(RETRY);
        assertThat(request.recurrence()).isNull();
        assertThat(request.maxDurationSeconds()).isNull();
        assertThat(request.machineDetection()).isNull();
    }

    @Test
    void whenAContactHasATimeZoneThenItOverridesTheWindowsZoneOnly() {
        List<CallRequest> requests = CampaignContacts.requests(
                campaign(List.of(SAN_FRANCISCO_CALLER_ID), WINDOW),
                List.of(
                        new Contact("+14155550101", null, "Europe/Berlin", Map.of()),
                        new Contact("+14155550102", null, null, Map.of())));

        assertThat(requests.get(0).callingWindow())
                .isEqualTo(new CallingWindow(WINDOW.days(), "09:00", "20:00", "Europe/Berlin", List.of("2026-12-25")));
        assertThat(requests.get(1).callingWindow()).as("the campaign's zone").isEqualTo(WINDOW);
        assertThat(CampaignContacts.requests(
                                campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                                List.of(new Contact("+14155550101", null, "Europe/Berlin", Map.of())))
                        .getFirst()
                        .callingWindow())
                .as("no window, no window made of the zone alone")
                .isNull();
    }

    @Test
    void whenAContactsNumberIsNotValidThenTheContactsAreRefusedNamingIt() {
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact("+14155550101", null, null, Map.of()));
        contacts.add(new Contact("555-0101", null, null, Map.of()));

        assertThatThrownBy(() -> CampaignContacts.requests(campaign(List.of(SAN_FRANCISCO_CALLER_ID), null), contacts))
                .isInstanceOfSatisfying(InvalidContactsException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contacts[1].number");
                    assertThat(refused.getMessage()).contains("555-0101").contains("E.164");
                });
        assertThatThrownBy(() -> CampaignContacts.requests(
                        campaign(List.of(SAN_FRANCISCO_CALLER_ID), null),
                        List.of(new Contact("", null, null, Map.of()))))
                .isInstanceOfSatisfying(
                        InvalidContactsException.class,
                        refused -> assertThat(refused.field()).isEqualTo("contacts[0].number"));
    }

    @Test
    void whenAContactIsNullThenTheContactsAreRefusedNamingIt() {
        List<Contact> contacts = new ArrayList<>();
        contacts.add(null);

        assertThatThrownBy(() -> CampaignContacts.requests(campaign(List.of(SAN_FRANCISCO_CALLER_ID), null), contacts))
                .isInstanceOfSatisfying(
                        InvalidContactsException.class,
                        refused -> assertThat(refused.field()).isEqualTo("contacts[0]"));
    }

    @Test
    void whenACsvUploadIsTurnedIntoRequestsThenItsVariablesReachTheRequests() {
        List<Contact> contacts = CampaignContacts.fromCsv(csv("""
                        number,name,plan
                        +1 415 555 0101,Ann Lee,gold
                        +14155550101,Ann again,silver
                        """), 10);

        assertThat(CampaignContacts.requests(campaign(List.of(SAN_FRANCISCO_CALLER_ID), null), contacts))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.requestId()).isEqualTo("campaign:14155550101");
                    assertThat(request.metadata())
                            .containsOnly(
                                    entry("plan", "gold"),
                                    entry(CampaignContacts.CAMPAIGN_KEY, "campaign"),
                                    entry(CampaignContacts.NAME_KEY, "Ann Lee"));
                });
    }

    private static CampaignRecorded campaign(List<String> callerIds, CallingWindow window) {
        return new CampaignRecorded(
                "campaign",
                "acme",
                "Renewals",
                "sales",
                callerIds,
                START_AT,
                END_AT,
                window,
                RETRY,
                5,
                null,
                Status.ACTIVE,
                null,
                NOW,
                NOW,
                "ops@acme");
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
