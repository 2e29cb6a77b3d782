package io.switchboard.dialer.campaign.domain;

import java.util.Map;

/**
 * One person a campaign calls, as uploaded.
 *
 * @param number    the number to call, E.164 (other spellings of a valid international number are normalized)
 * @param name      how to address them; passed to the assistant as {@code contactName}
 * @param timeZone  an IANA zone that overrides the zones of the number for the calling window; null for those
 * @param variables context passed to the assistant with the call, besides the name and the campaign
 */
public record Contact(String number, String name, String timeZone, Map<String, String> variables) {

    public Contact {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
