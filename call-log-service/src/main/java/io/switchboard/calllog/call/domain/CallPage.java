package io.switchboard.calllog.call.domain;

import java.util.List;

/** One page of a search; {@code total} counts every match, not just this page. */
public record CallPage(List<CallRecord> items, int page, int size, long total) {

    public CallPage {
        items = List.copyOf(items);
    }
}
