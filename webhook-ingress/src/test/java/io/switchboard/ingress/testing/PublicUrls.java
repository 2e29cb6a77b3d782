package io.switchboard.ingress.testing;

import java.net.URI;

import io.switchboard.ingress.webhook.domain.PublicUrl;

/** Public URLs from strings, keeping path and query exactly as written. */
public final class PublicUrls {

    private PublicUrls() {}

    public static PublicUrl parse(String url) {
        URI uri = URI.create(url);
        return new PublicUrl(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath(), uri.getRawQuery());
    }
}
