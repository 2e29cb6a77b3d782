package io.switchboard.devissuer;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The Switchboard token contract on every access token: {@code aud} is the audience, {@code scope} the
 * granted scopes space-separated (as RFC 9068 has it; omitted when none were asked for), and
 * {@code account} the validated {@code account} parameter of the request, if it had one. {@code sub}
 * stays the client id.
 */
final class SwitchboardClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACCOUNT_CLAIM = "account";

    private final String audience;

    SwitchboardClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        var claims = context.getClaims();
        claims.audience(List.of(audience));
        Set<String> scopes = context.getAuthorizedScopes();
        if (scopes.isEmpty()) {
            claims.claims(all -> all.remove(OAuth2ParameterNames.SCOPE));
        } else {
            // In the contract's order, whatever order they were asked in.
            claims.claim(
                    OAuth2ParameterNames.SCOPE,
                    String.join(
                            " ", Scopes.ALL.stream().filter(scopes::contains).toList()));
        }
        if (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant
                && grant.getAdditionalParameters().get(Scopes.ACCOUNT) instanceof String account) {
            claims.claim(ACCOUNT_CLAIM, account);
        }
    }
}
