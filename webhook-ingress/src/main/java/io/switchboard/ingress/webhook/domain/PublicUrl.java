package io.switchboard.ingress.webhook.domain;

/**
 * The URL a provider called, as it called it: scheme, host, the port only if one was in the URL
 * (-1 otherwise), and path and query exactly as sent (percent-encoding untouched), because
 * providers sign these bytes.
 */
public record PublicUrl(String scheme, String host, int port, String rawPath, String rawQuery) {

    public PublicUrl {
        rawPath = rawPath == null ? "" : rawPath;
    }

    /** The port the scheme implies: 443 for https, 80 for http. */
    public int defaultPort() {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    public PublicUrl withDefaultPort() {
        return port == -1 ? new PublicUrl(scheme, host, defaultPort(), rawPath, rawQuery) : this;
    }

    /** Without the port when it is the scheme's default one (another port stays: it is part of the address). */
    public PublicUrl withoutDefaultPort() {
        return port == defaultPort() ? new PublicUrl(scheme, host, -1, rawPath, rawQuery) : this;
    }

    @Override
    public String toString() {
        var url = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            url.append(':').append(port);
        }
        url.append(rawPath);
        if (rawQuery != null) {
            url.append('?').append(rawQuery);
        }
        return url.toString();
    }
}
