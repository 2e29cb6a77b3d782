package io.switchboard.simulator.call.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <Connect><Stream>} a call was told to open: recorded, never opened.
 *
 * @param parameters the {@code <Parameter name value>} children, in document order
 */
public record MediaStream(String url, Map<String, String> parameters) {

    public MediaStream {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
