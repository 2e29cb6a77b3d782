package io.switchboard.devissuer;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Access tokens are self-contained JWTs that resource servers check against the JWKS alone, so the
 * issuer keeps nothing about them: memory stays flat however many tokens the local stack asks for.
 * Hence no introspection or revocation: every token is valid until it expires.
 */
final class NoStoredAuthorizations implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing is kept
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing was kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
