package io.switchboard.ingress.webhook.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.ingress.config.IngressProperties;
import io.switchboard.ingress.webhook.domain.PublicUrl;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The URL a provider called, which is what it signed: the configured public base URL (scheme, host,
 * port, path prefix) plus the request's path and query exactly as sent. Behind a proxy that serves
 * several hosts, X-Forwarded-Proto/-Host/-Port say which one was called, but only when the direct
 * peer is a trusted proxy: from anyone else they are ignored, or a caller could pick the URL that
 * is checked. Values that are not a plain scheme, host or port are ignored too.
 */
@Component
public class PublicUrlResolver {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?");

    private final PublicUrl base;
    private final TrustedProxies trustedProxies;

    PublicUrlResolver(IngressProperties properties) {
        URI uri = URI.create(properties.publicBaseUrl());
        this.base = new PublicUrl(
                uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost(), uri.getPort(), uri.getRawPath(), null);
        this.trustedProxies = TrustedProxies.parse(properties.trustedProxies());
    }

    public PublicUrl resolve(ServerHttpRequest request) {
        String path = base.rawPath() + request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        if (!fromTrustedProxy(request)) {
            return new PublicUrl(base.scheme(), base.host(), base.port(), path, query);
        }
        String scheme = forwardedScheme(request);
        Integer port = forwardedPort(first(request, "X-Forwarded-Port"));
        Matcher host = forwardedHost(request);
        if (host != null) {
            Integer hostPort = forwardedPort(host.group(2));
            int resolvedPort = port != null ? port : hostPort != null ? hostPort : -1;
            return new PublicUrl(scheme, host.group(1), resolvedPort, path, query);
        }
        return new PublicUrl(scheme, base.host(), port != null ? port : base.port(), path, query);
    }

    private boolean fromTrustedProxy(ServerHttpRequest request) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer != null && trustedProxies.contains(peer.getAddress());
    }

    private String forwardedScheme(ServerHttpRequest request) {
        String proto = first(request, "X-Forwarded-Proto");
        if (proto != null) {
            proto = proto.toLowerCase(Locale.ROOT);
            if (proto.equals("https") || proto.equals("http")) {
                return proto;
            }
        }
        return base.scheme();
    }

    private static Matcher forwardedHost(ServerHttpRequest request) {
        String host = first(request, "X-Forwarded-Host");
        if (host == null) {
            return null;
        }
        Matcher matcher = HOST.matcher(host);
        return matcher.matches() ? matcher : null;
    }

    private static Integer forwardedPort(String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 5
                || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535 ? port : null;
    }

    /** The first (client-facing) entry of a header that proxies may have appended to. */
    private static String first(ServerHttpRequest request, String header) {
        String value = request.getHeaders().getFirst(header);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).trim();
        return first.isEmpty() ? null : first;
    }
}
