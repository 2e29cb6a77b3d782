package io.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-model load: a fixed number of keep-alive connections, each sending its next request as
 * soon as the previous one is answered, for a fixed time. It finds the most the server can answer;
 * latency here counts from the actual send and mostly reflects queueing at that concurrency.
 */
public final class SaturationLoad {

    private final InetSocketAddress target;
    private final Duration timeout;

    public SaturationLoad(InetSocketAddress target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    public LoadResult run(String label, RequestSource requests, int connections, Duration duration) {
        var outcomes = new Outcomes();
        var sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var sender = new Object() {
            String cutShort;

            void next(Connection connection) {
                if (System.nanoTime() >= end) {
                    connection.close();
                    return;
                }
                PreparedRequest request = requests.next();
                if (request == null) {
                    cutShort = "ran out of prepared requests: raise --max-rate";
                    connection.close();
                    return;
                }
                try {
                    connection.send(request, System.nanoTime());
                    sent.incrementAndGet();
                } catch (IOException e) {
                    sent.incrementAndGet();
                }
            }
        };
        try (var loop = new ResponseLoop(outcomes, timeout.toNanos(), sender::next, lost -> {})) {
            for (int i = 0; i < connections; i++) {
                Connection connection = Connection.open(target);
                loop.add(connection);
                sender.next(connection);
            }
            // Until every request sent is answered (or the drain time is over), also when the requests ran out early.
            loop.run(() -> (System.nanoTime() >= end || sender.cutShort != null) && outcomes.finished() >= sent.get()
                    || System.nanoTime() >= end + TimeUnit.SECONDS.toNanos(15));
            return outcomes.result(label, 0, connections, sent.get(), start, null, sender.cutShort);
        }
    }
}
