package io.switchboard.orchestrator.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an account's stored credentials and a PUT's changes into the credentials to publish, sealing
 * each plaintext secret under the active key with the account id as associated data.
 *
 * <p>Sealing is randomized (a fresh IV each time), so sealing the same token twice gives two values,
 * and with them two different AccountConfigured events. To keep a repeated PUT the same fact, a secret
 * equal to the stored one (opened and compared in constant time) keeps its stored sealed value. A value
 * sealed under an older key is re-sealed under the active one, so any PUT moves an account forward in a
 * key rotation.
 */
public class CredentialSealer {

    private static final Logger log = LoggerFactory.getLogger(CredentialSealer.class);

    private final SecretBox box;

    public CredentialSealer(SecretBox box) {
        this.box = box;
    }

    /** One credential per provider, ordered by provider name so the same content is the same event. */
    List<SealedCredential> apply(String accountId, List<SealedCredential> current, CredentialChanges changes) {
        Map<String, SealedCredential> result = new TreeMap<>();
        for (SealedCredential stored : current) {
            String provider = stored.provider();
            if (!changes.removed().contains(provider) && !changes.set().containsKey(provider)) {
                result.put(provider, resealed(accountId, stored));
            }
        }
        changes.set().forEach((provider, secret) -> {
            SealedCredential stored = current.stream()
                    .filter(c -> c.provider().equals(provider))
                    .findFirst()
                    .orElse(null);
            result.put(provider, sealed(accountId, stored, secret));
        });
        return List.copyOf(result.values());
    }

    private SealedCredential sealed(String accountId, SealedCredential stored, ProviderSecret secret) {
        boolean unchanged = stored != null
                && box.isSealedWithActiveKey(stored.sealedSecret())
                && opensTo(accountId, stored.sealedSecret(), secret.secret());
        String sealed = unchanged ? stored.sealedSecret() : box.seal(secret.secret(), accountId);
        return new SealedCredential(secret.provider(), secret.providerAccountId(), sealed, secret.verification());
    }

    private SealedCredential resealed(String accountId, SealedCredential stored) {
        if (box.isSealedWithActiveKey(stored.sealedSecret())) {
            return stored;
        }
        try {
            String sealed = box.seal(box.open(stored.sealedSecret(), accountId), accountId);
            return new SealedCredential(stored.provider(), stored.providerAccountId(), sealed, stored.verification());
        } catch (SecretException e) {
            // Kept as it is: the operator did not ask to drop it, and another instance may hold the key.
            log.warn(
                    "The {} credential of account {} cannot be re-sealed ({}); PUT it again",
                    stored.provider(),
                    accountId,
                    e.getMessage());
            return stored;
        }
    }

    private boolean opensTo(String accountId, String sealed, String plaintext) {
        try {
            return MessageDigest.isEqual(
                    box.open(sealed, accountId).getBytes(StandardCharsets.UTF_8),
                    plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (SecretException e) {
            return false;
        }
    }
}
