package io.switchboard.simulator.call.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of Twilio's Calls list (API 2010-04-01), as the SDK's {@code Page} reads it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CallPage(
        List<CallResource> calls,
        int end,
        @JsonProperty("first_page_uri") String firstPageUri,
        @JsonProperty("next_page_uri") String nextPageUri,
        int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("previous_page_uri") String previousPageUri,
        int start,
        String uri) {}
