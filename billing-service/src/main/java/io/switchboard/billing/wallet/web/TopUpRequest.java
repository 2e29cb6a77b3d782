package io.switchboard.billing.wallet.web;

import java.math.BigDecimal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.switchboard.billing.wallet.domain.TopUp;

/** {@code {"topUpId":"t-1","amount":"25.00","currency":"USD"}}; the amount may be a string or a number. */
record TopUpRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+")
        String topUpId,

        @NotNull @Positive BigDecimal amount,
        @NotBlank String currency) {

    TopUp toTopUp(String accountId) {
        return new TopUp(accountId, topUpId, amount, currency);
    }
}
