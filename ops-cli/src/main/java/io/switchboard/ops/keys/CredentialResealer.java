package io.switchboard.ops.keys;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.secret.SecretBox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-seals the provider credentials of an account configuration's data with the active sealing key,
 * leaving every other property as it was written (a reader's record would drop what it does not know).
 * The account id is the associated data, as the orchestrator seals them.
 */
final class CredentialResealer {

    private final SecretBox box;

    CredentialResealer(SecretBox box) {
        this.box = box;
    }

    String activeKeyId() {
        return box.activeKeyId();
    }

    boolean isActive(String keyId) {
        return box.activeKeyId().equals(keyId);
    }

    /**
     * The data with every credential sealed with the active key; the same bytes when all already are.
     *
     * @throws io.switchboard.events.secret.SecretException when a credential cannot be opened with the keys held
     */
    byte[] reseal(byte[] accountConfigured) {
        JsonNode data = EventJson.mapper().readTree(accountConfigured);
        String accountId = data.path("accountId").stringValue("");
        boolean changed = false;
        for (JsonNode credential : data.path("credentials")) {
            JsonNode sealed = credential.path("sealedSecret");
            if (credential instanceof ObjectNode object
                    && sealed.isString()
                    && !box.isSealedWithActiveKey(sealed.stringValue())) {
                object.put("sealedSecret", box.seal(box.open(sealed.stringValue(), accountId), accountId));
                changed = true;
            }
        }
        return changed ? EventJson.mapper().writeValueAsBytes(data) : accountConfigured;
    }
}
