package io.switchboard.devissuer;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * The token request's optional {@code account} parameter, once and in the account id pattern, or the
 * request is refused with {@code invalid_request} (400).
 */
final class AccountParameterValidator implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

    @Override
    public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
        OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
        Object account = request.getAdditionalParameters().get(Scopes.ACCOUNT);
        if (account == null) {
            return;
        }
        if (!(account instanceof String id) || !Scopes.ACCOUNT_ID.matcher(id).matches()) {
            // The refused value is not echoed: the error says what an account id looks like.
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Parameter: account (once, 1 to 64 of A-Z a-z 0-9 . _ -)",
                    null));
        }
    }
}
