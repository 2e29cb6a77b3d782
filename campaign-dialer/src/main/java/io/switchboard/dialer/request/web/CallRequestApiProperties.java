package io.switchboard.dialer.request.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call-request API ({@code switchboard.dialer.api.*}).
 *
 * @param requestStatusBaseUrl where what became of a call request is served (the call log's
 *                             {@code GET /api/call-requests/{requestId}}): the base of the {@code Location} a
 *                             202 answers with. Default {@code http://localhost:8084}, the local stack's call log
 */
@ConfigurationProperties("switchboard.dialer.api")
public record CallRequestApiProperties(
        @DefaultValue("http://localhost:8084") URI requestStatusBaseUrl) {}
