package io.switchboard.events.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that travel on topics (provider auth tokens on {@code accounts.v1}) with
 * AES-256-GCM. A sealed value reads {@code v1:<keyId>:<base64(iv | ciphertext+tag)>}; the key id lets
 * keys rotate: seal with the active key, open with any key still held. The associated data (the
 * account id) binds a sealed value to its account, so it cannot be copied onto another.
 */
public final class SecretBox {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // The key id is the middle field of a sealed value, so it cannot hold the ':' separator.
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(String activeKeyId, Map<String, String> base64KeysById) {
        this.keys = base64KeysById.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> aesKey(e.getKey(), e.getValue())));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active secret key id " + activeKeyId + " has no key");
        }
        this.activeKeyId = activeKeyId;
    }

    public String seal(String plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(
                Cipher.ENCRYPT_MODE,
                keys.get(activeKeyId),
                iv,
                associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] ivAndSealed = ByteBuffer.allocate(IV_BYTES + sealed.length)
                .put(iv)
                .put(sealed)
                .array();
        return PREFIX + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(ivAndSealed);
    }

    public String open(String sealedValue, String associatedData) {
        String[] parts = sealedValue == null ? new String[0] : sealedValue.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new SecretException("not a sealed secret");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretException("sealed with unknown key id " + parts[1]);
        }
        byte[] ivAndSealed;
        try {
            ivAndSealed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretException("sealed secret is not Base64");
        }
        if (ivAndSealed.length <= IV_BYTES) {
            throw new SecretException("sealed secret is too short");
        }
        byte[] iv = Arrays.copyOf(ivAndSealed, IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(ivAndSealed, IV_BYTES, ivAndSealed.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, associatedData, sealed), StandardCharsets.UTF_8);
    }

    /** The key new values are sealed with; a value sealed under another key is due for re-sealing. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Whether {@code sealedValue} names the active key (says nothing about whether it opens). */
    public boolean isSealedWithActiveKey(String sealedValue) {
        return sealedValue != null && sealedValue.startsWith(PREFIX + ":" + activeKeyId + ":");
    }

    /**
     * The id of the key {@code sealedValue} names (says nothing about whether it opens); empty when it is
     * not a sealed value. What an operator counts before retiring a key.
     */
    public static Optional<String> keyIdOf(String sealedValue) {
        String[] parts = sealedValue == null ? new String[0] : sealedValue.split(":", 3);
        return parts.length == 3
                        && PREFIX.equals(parts[0])
                        && KEY_ID.matcher(parts[1]).matches()
                ? Optional.of(parts[1])
                : Optional.empty();
    }

    /** A fresh 256-bit key, Base64: for operators and the local stack. */
    public static String generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SecretException("sealed secret fails authentication (wrong key, account or altered)");
        } catch (GeneralSecurityException e) {
            throw new SecretException("secret cipher failed: " + e.getMessage());
        }
    }

    private static SecretKey aesKey(String keyId, String base64) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("Secret key id '" + keyId + "' must match " + KEY_ID);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: a piece of the key.
            throw new IllegalArgumentException("Secret key " + keyId + " is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("Secret key " + keyId + " must be 32 bytes (AES-256), Base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "SecretBox[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
