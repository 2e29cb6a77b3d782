package io.switchboard.events.signing;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies envelope signatures against the public keys this service trusts, by key id. Keys rotate
 * by adding the new key id here before producers switch to it, and removing the old one after.
 */
public final class EventVerifier {

    private final Map<String, Ed25519PublicKeyParameters> trustedKeys;

    public EventVerifier(Map<String, String> base64PublicKeysById) {
        this.trustedKeys = base64PublicKeysById.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new Ed25519PublicKeyParameters(Base64.getDecoder().decode(e.getValue()))));
    }

    public void verify(CloudEvent event) {
        Object keyId = event.getExtension(EventSigner.KEY_ID_EXTENSION);
        Object signature = event.getExtension(EventSigner.SIGNATURE_EXTENSION);
        if (keyId == null || signature == null) {
            throw new InvalidSignatureException("event " + event.getId() + " is not signed");
        }
        Ed25519PublicKeyParameters key = trustedKeys.get(keyId.toString());
        if (key == null) {
            throw new InvalidSignatureException("event " + event.getId() + " is signed by untrusted key " + keyId);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("event " + event.getId() + " has a malformed signature");
        }
        var verifier = new Ed25519Signer();
        verifier.init(false, key);
        byte[] message = SignedFields.of(event);
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(signatureBytes)) {
            throw new InvalidSignatureException("event " + event.getId() + " fails its signature by key " + keyId);
        }
    }
}
