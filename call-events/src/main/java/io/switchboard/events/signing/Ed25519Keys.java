package io.switchboard.events.signing;

import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Ed25519 keys as they travel in configuration: the raw 32-byte keys, Base64-encoded. */
public final class Ed25519Keys {

    private Ed25519Keys() {}

    /** A fresh key pair; used by the local stack and tests, and by operators through the docs. */
    public static KeyPair generate(String keyId) {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var encoder = Base64.getEncoder();
        return new KeyPair(
                keyId,
                encoder.encodeToString(privateKey.getEncoded()),
                encoder.encodeToString(privateKey.generatePublicKey().getEncoded()));
    }

    public record KeyPair(String keyId, String privateKey, String publicKey) {

        @Override
        public String toString() {
            return "KeyPair[keyId=" + keyId + ", publicKey=" + publicKey + "]";
        }
    }
}
