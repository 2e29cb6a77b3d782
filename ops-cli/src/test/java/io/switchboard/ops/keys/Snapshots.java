package io.switchboard.ops.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.secret.SecretBox;

/** The snapshots the compacted topics hold, as their owning services write them. */
final class Snapshots {

    static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");

    private Snapshots() {}

    /** An account with a Twilio auth token sealed by {@code box}. */
    static AccountConfigured account(String accountId, long revision, String authToken, SecretBox box) {
        return new AccountConfigured(
                accountId,
                "Account " + accountId,
                List.of(new AccountConfigured.PhoneNumber("+14155550100", "sales")),
                List.of(new AccountConfigured.Assistant("sales", "Sales", "wss://assistants.example/sales")),
                List.of(new AccountConfigured.ProviderCredential(
                        "twilio", "AC" + accountId, box.seal(authToken, accountId), null)),
                AT.plusSeconds(revision),
                revision);
    }

    static WalletUpdated wallet(String accountId, String balance) {
        return new WalletUpdated(accountId, new BigDecimal(balance), "USD", AT);
    }

    static CallStateChanged call(String accountId, String callId, CallStatus status) {
        return new CallStateChanged(
                callId,
                accountId,
                "twilio",
                CallDirection.OUTBOUND,
                "+14155550100",
                "+14155550199",
                "sales",
                null,
                status,
                null,
                status == CallStatus.COMPLETED ? 65 : null,
                List.of(),
                AT);
    }
}
