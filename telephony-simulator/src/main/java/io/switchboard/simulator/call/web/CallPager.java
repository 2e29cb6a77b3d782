package io.switchboard.simulator.call.web;

import java.util.List;

import io.switchboard.simulator.call.domain.SimulatedCall;
import org.springframework.util.MultiValueMap;

/**
 * Cuts the matching calls, newest first, into Twilio's pages: {@code PageSize} (default 50, at most 1000),
 * {@code Page} from 0, and the {@code PageToken} of a next_page_uri ("PA" + the last sid of the previous
 * page), which keeps paging stable while new calls arrive.
 */
final class CallPager {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final String TOKEN_PREFIX = "PA";

    private CallPager() {}

    static CallPage page(
            String accountSid, CallsQuery query, MultiValueMap<String, String> params, List<SimulatedCall> matching) {
        int pageSize = Math.clamp(number(params, "PageSize", DEFAULT_PAGE_SIZE), 1, MAX_PAGE_SIZE);
        int page = Math.max(0, number(params, "Page", 0));
        String token = params.getFirst("PageToken");
        int start = page * pageSize;
        if (token != null && token.startsWith(TOKEN_PREFIX)) {
            String after = token.substring(TOKEN_PREFIX.length());
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).sid().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<SimulatedCall> calls =
                matching.subList(Math.min(start, matching.size()), Math.min(start + pageSize, matching.size()));
        String base =
                "/2010-04-01/Accounts/" + accountSid + "/Calls.json?" + query.queryString() + "PageSize=" + pageSize;
        String next = start + pageSize < matching.size()
                ? base + "&Page=" + (page + 1) + "&PageToken=" + TOKEN_PREFIX
                        + calls.getLast().sid()
                : null;
        return new CallPage(
                calls.stream().map(CallResource::of).toList(),
                calls.isEmpty() ? start : start + calls.size() - 1,
                base + "&Page=0",
                next,
                page,
                pageSize,
                page > 0 ? base + "&Page=" + (page - 1) : null,
                start,
                base + "&Page=" + page + (token == null ? "" : "&PageToken=" + token));
    }

    private static int number(MultiValueMap<String, String> params, String name, int fallback) {
        try {
            String value = params.getFirst(name);
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException malformed) {
            return fallback;
        }
    }
}
