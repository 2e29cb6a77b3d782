package io.switchboard.ingress.webhook.messaging;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.switchboard.ingress.config.IngressProperties.Dedup;

/**
 * The ids of the events published in the last minutes, bounded in count and age, oldest dropped
 * first: a provider's retry or duplicate usually comes seconds to minutes after the original, so
 * recency is what matters. (A frequency-based cache such as Caffeine's W-TinyLFU would, when full,
 * keep old ids and refuse new ones, the opposite of what a dedup window needs.)
 * Best effort only: consumers still deduplicate by event id.
 */
final class RecentEventIds {

    private final Map<String, Long> publishedAt = new LinkedHashMap<>();
    private final long maxSize;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    RecentEventIds(Dedup dedup, LongSupplier nanoClock) {
        this.maxSize = dedup.maxSize();
        this.maxAgeNanos = dedup.maxAge().toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether the id was published within the window. */
    synchronized boolean contains(String id) {
        Long at = publishedAt.get(id);
        return at != null && nanoClock.getAsLong() - at < maxAgeNanos;
    }

    /** Remembers an id the broker acknowledged, dropping what fell out of the window. */
    synchronized void add(String id) {
        if (maxSize == 0 || maxAgeNanos == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        publishedAt.remove(id);
        publishedAt.put(id, now);
        Iterator<Long> oldestFirst = publishedAt.values().iterator();
        while (oldestFirst.hasNext()) {
            long at = oldestFirst.next();
            if (publishedAt.size() <= maxSize && now - at < maxAgeNanos) {
                break;
            }
            oldestFirst.remove();
        }
    }

    synchronized int size() {
        return publishedAt.size();
    }
}
