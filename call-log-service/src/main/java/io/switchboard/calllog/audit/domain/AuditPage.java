package io.switchboard.calllog.audit.domain;

import java.util.List;

/** One page of an audit search; {@code total} counts every match, not just this page. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
