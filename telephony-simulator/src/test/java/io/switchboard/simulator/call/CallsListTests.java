package io.switchboard.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.support.CallForm;
import io.switchboard.simulator.support.SimulatorApi;
import io.switchboard.simulator.support.SimulatorHttpClient;
import io.switchboard.simulator.support.SimulatorTest;
import io.switchboard.simulator.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Twilio's "read multiple calls": filters and pages, read by hand and by the SDK's {@code Call.reader()}. */
@SimulatorTest
class CallsListTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @Test
    void whenFilteredByToThenOnlyThatNumbersCallsComeBackNewestFirstInTwilioPages() {
        // given
        SimulatorApi api = new SimulatorApi(client);
        List<String> sids = new ArrayList<>();
        IntStream.range(0, 3).forEach(i -> sids.add(api.createCall(CallForm.to("+15550201001"))));
        api.createCall(CallForm.to("+15550201002"));

        // when
        Map<String, Object> first = api.listCalls(Map.of("To", "+15550201001", "PageSize", "2"));

        // then
        String base = "/2010-04-01/Accounts/" + TestAccounts.ACCOUNT_SID + "/Calls.json?To=%2B15550201001&PageSize=2";
        assertThat(first)
                .containsEntry("page", 0)
                .containsEntry("page_size", 2)
                .containsEntry("start", 0)
                .containsEntry("end", 1)
                .containsEntry("first_page_uri", base + "&Page=0")
                .containsEntry("uri", base + "&Page=0")
                .containsEntry("previous_page_uri", null)
                .containsEntry("next_page_uri", base + "&Page=1&PageToken=PA" + sids.get(1));
        assertThat(sidsOf(first)).containsExactly(sids.get(2), sids.get(1));

        // when
        Map<String, Object> second = api.listCalls(
                Map.of("To", "+15550201001", "PageSize", "2", "Page", "1", "PageToken", "PA" + sids.get(1)));

        // then
        assertThat(sidsOf(second)).containsExactly(sids.get(0));
        assertThat(second)
                .containsEntry("page", 1)
                .containsEntry("start", 2)
                .containsEntry("end", 2)
                .containsEntry("next_page_uri", null)
                .containsEntry("previous_page_uri", base + "&Page=0");
    }

    @Test
    void whenFilteredByStatusAndFromThenOnlyMatchingCallsComeBack() {
        // given
        SimulatorApi api = new SimulatorApi(client);
        String busy = api.createCall(CallForm.to("+15550290002").without("From").with("From", "+15550202999"));
        String answered =
                api.createCall(CallForm.to("+15550202001").without("From").with("From", "+15550202999"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.call(answered)).containsEntry("status", "completed"));

        // when
        Map<String, Object> page = api.listCalls(Map.of("From", "+15550202999", "Status", "busy"));

        // then
        assertThat(sidsOf(page)).containsExactly(busy);
        assertThat(sidsOf(api.listCalls(Map.of("From", "+15550202999", "Status", "queued"))))
                .isEmpty();
        assertThat(sidsOf(api.listCalls(
                        Map.of("From", "+15550202999", "ParentCallSid", "CA00000000000000000000000000000000"))))
                .isEmpty();
    }

    @Test
    void whenFilteredByStartTimeThenTodaysCallsAreOnAndAfterTodayButNotBefore() {
        // given
        SimulatorApi api = new SimulatorApi(client);
        String sid = api.createCall(CallForm.to("+15550203001"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.call(sid).get("startTime")).isNotNull());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // when / then
        assertThat(sidsOf(api.listCalls(Map.of("To", "+15550203001", "StartTime", today.toString()))))
                .containsExactly(sid);
        assertThat(sidsOf(api.listCalls(Map.of("To", "+15550203001", "StartTime>", today.toString()))))
                .containsExactly(sid);
        assertThat(sidsOf(api.listCalls(Map.of("To", "+15550203001", "StartTime<", today.toString()))))
                .isEmpty();
        assertThat(sidsOf(api.listCalls(Map.of(
                        "To", "+15550203001", "StartTime", today.minusDays(1).toString()))))
                .isEmpty();
    }

    @Test
    void whenSdkReadsCallsThenItFollowsEveryPage() {
        // given five calls that have been dialed (a queued call has no start_time yet)
        SimulatorApi api = new SimulatorApi(client);
        List<String> sids = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> sids.add(api.createCall(CallForm.to("+15550204001"))));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(sids)
                        .allSatisfy(sid ->
                                assertThat(api.call(sid).get("startTime")).isNotNull()));
        TwilioRestClient twilio = new TwilioRestClient.Builder(TestAccounts.ACCOUNT_SID, TestAccounts.AUTH_TOKEN)
                .httpClient(new SimulatorHttpClient("http://localhost:" + port))
                .build();

        // when
        ResourceSet<Call> calls = Call.reader()
                .setTo(new PhoneNumber("+15550204001"))
                .setStartTimeAfter(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1))
                .pageSize(2)
                .read(twilio);

        // then
        List<Call> read = StreamSupport.stream(calls.spliterator(), false).toList();
        assertThat(read).extracting(Call::getSid).containsExactlyElementsOf(sids.reversed());
        assertThat(read).extracting(call -> call.getTo()).containsOnly("+15550204001");
    }

    @SuppressWarnings("unchecked")
    private static List<String> sidsOf(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("calls"))
                .stream().map(call -> (String) call.get("sid")).toList();
    }
}
