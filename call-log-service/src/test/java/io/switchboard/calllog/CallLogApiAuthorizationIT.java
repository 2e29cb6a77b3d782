package io.switchboard.calllog;

import static io.switchboard.testsupport.ApiAuthorizationMatrix.Endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;

import io.switchboard.calllog.CallLogFixture.ThreeCalls;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.ApiAuthorizationMatrix;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may read the call log: an account's own analysts, an operator for any account; personal data only
 * with {@code calls:pii}. The audit trail is the operator's alone.
 */
class CallLogApiAuthorizationIT extends CallLogIntegrationTest {

    /** One account's logged calls, shared by the tests of this class (they only read). */
    private static ThreeCalls owned;

    /** A request of the same account, known to the call log from its accepted outcome. */
    private static String ownedRequest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiAuthorizationMatrix matrix;

    @BeforeEach
    void loggedCalls() {
        if (owned == null) {
            owned = fixture.publishThreeCalls(CallEvents.newAccountId());
            fixture.awaitThreeCallsLogged(owned);
            fixture.placement(CallEvents.placed(owned.answered(), owned.accountId()));
            fixture.awaitCall(
                    owned.accountId(),
                    owned.answered(),
                    call -> !call.metadata().isEmpty());
            ownedRequest = fixture.acceptedRequest(owned.accountId());
        }
        String owner = owned.accountId();
        matrix = new ApiAuthorizationMatrix(client)
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/calls",
                        "/api/calls?accountId=" + owner,
                        owner,
                        Scope.CALLS_READ,
                        Scope.OPERATOR))
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/calls/{callId}",
                        "/api/calls/" + owned.answered() + "?accountId=" + owner,
                        owner,
                        Scope.CALLS_READ,
                        Scope.OPERATOR))
                .row(Endpoint.of(
                        HttpMethod.GET,
                        "/api/call-requests/{requestId}",
                        "/api/call-requests/" + ownedRequest + "?accountId=" + owner,
                        owner,
                        Scope.CALLS_READ,
                        Scope.OPERATOR))
                // the platform's, not one account's: every tenant token is refused (403), whatever its account
                .row(Endpoint.of(HttpMethod.GET, "/api/audit", "/api/audit?accountId=" + owner, null, Scope.OPERATOR));
    }

    @Test
    void everyEndpointHasARule() {
        matrix.assertCovers(mappings);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesWhoMayNotUseIt() {
        return matrix.tests(CallEvents.newAccountId());
    }

    @Test
    void whenAnotherAccountSearchesWithoutNamingOneThenItSeesOnlyItsOwn() {
        var search =
                new Endpoint(HttpMethod.GET, "/api/calls", "/api/calls?size=500", null, Set.of(Scope.CALLS_READ), null);
        matrix.send(search, TestTokens.forAccount(CallEvents.newAccountId(), Scope.CALLS_READ, Scope.CALLS_PII))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void whenAnotherAccountLooksUpARequestIdWithoutNamingAnAccountThenItLooksInItsOwnAndFindsNothing() {
        var lookup = new Endpoint(
                HttpMethod.GET,
                "/api/call-requests/{requestId}",
                "/api/call-requests/" + ownedRequest,
                null,
                Set.of(Scope.CALLS_READ),
                null);
        matrix.send(lookup, TestTokens.forAccount(CallEvents.newAccountId(), TestTokens.allScopesBut(Scope.OPERATOR)))
                .expectStatus()
                .isNotFound();
        matrix.send(lookup, TestTokens.forAccount(owned.accountId(), Scope.CALLS_READ))
                .expectStatus()
                .isOk();
    }

    @Test
    void whenTokenLacksPiiThenNumbersStayMaskedAndRecordingAddressesAndMetadataWithheld() {
        String owner = owned.accountId();
        for (Endpoint endpoint : matrix.endpoints().subList(0, 2)) {
            for (String token :
                    new String[] {TestTokens.forAccount(owner, Scope.CALLS_READ), TestTokens.operator(Scope.CALLS_READ)
                    }) {
                matrix.send(endpoint, token)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .value(body -> assertThat(body)
                                .contains("\"from\":\"+*********")
                                .doesNotContain("+1415", "https://api.twilio.com/recordings", "Ada Lovelace"));
            }
        }
        matrix.send(matrix.endpoints().get(1), TestTokens.forAccount(owner, Scope.CALLS_READ, Scope.CALLS_PII))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("https://api.twilio.com/recordings", "Ada Lovelace"));
    }
}
