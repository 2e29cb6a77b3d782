package io.switchboard.bench;

import java.net.InetSocketAddress;

import io.switchboard.bench.load.RequestSource;

/** An endpoint under load: where it listens, how its requests are prepared, and its topic (the ingress only). */
record Target(String name, InetSocketAddress address, Requests requests, ProviderEventsTopic topic) {

    /** Prepares {@code count} requests for one run. */
    interface Requests {
        RequestSource prepare(int count);
    }
}
