package io.switchboard.bench;

import java.util.Map;

import io.switchboard.bench.load.LoadResult;

/**
 * One measured run: the endpoint, what the driver saw, what reached the topic (ingress only) and
 * where the CPU went meanwhile (cores busy on average, by process and for the whole machine).
 */
record Measurement(String endpoint, LoadResult load, TopicCheck topic, Map<String, Double> cores) {

    static final String INGRESS = "ingress";
    static final String BARE = "bare";

    double cores(String process) {
        return cores.getOrDefault(process, 0.0);
    }

    /** CPU time a process spent per request answered 2xx: what each request costs, whatever else ran. */
    double microsPerRequest(String process) {
        return load.accepted() == 0 ? 0 : cores(process) * 1e6 / load.acceptedPerSecond();
    }
}
