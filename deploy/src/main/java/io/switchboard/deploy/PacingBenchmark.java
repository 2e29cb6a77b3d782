package io.switchboard.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.IngressAccounts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * {@code bench/pacing}: the whole stack with three dialer instances against the telephony simulator, five
 * Twilio accounts of 20 calls a second and 100 concurrent calls each (3 a second per area code), and 10,000
 * requests over 50 area codes published at once; one dialer is killed with SIGKILL part-way. What the
 * simulator received is the measure: every create's arrival instant and every call's end, per Twilio
 * account. Results as Markdown on stdout, progress on stderr.
 */
public final class PacingBenchmark {

    private static final int ACCOUNTS = 5;
    private static final Duration JITTER_ALLOWANCE = Duration.ofMillis(25);
    /** Fifty North American area codes: libphonenumber's area code is what the dialer paces by. */
    private static final List<String> AREA_CODES = List.of(
            "201", "202", "203", "205", "206", "207", "208", "209", "210", "212", "213", "214", "215", "216", "217",
            "218", "219", "224", "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254",
            "256", "260", "262", "267", "269", "270", "272", "276", "281", "301", "302", "303", "304", "305", "307",
            "308", "309", "310", "312", "313");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StackApi api = new StackApi();
    private final int requests;
    private final Duration killAfter;
    private final int callsPerSecond;
    private final int concurrentCalls;
    private final int prefixCallsPerSecond;

    private PacingBenchmark(
            int requests, Duration killAfter, int callsPerSecond, int concurrentCalls, int prefixCallsPerSecond) {
        this.requests = requests;
        this.killAfter = killAfter;
        this.callsPerSecond = callsPerSecond;
        this.concurrentCalls = concurrentCalls;
        this.prefixCallsPerSecond = prefixCallsPerSecond;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "requests", "10000",
                "kill-after", "40",
                "calls-per-second", "20",
                "concurrent-calls", "100",
                "prefix-calls-per-second", "3"));
        for (String arg : args) {
            String[] option = arg.replaceFirst("^--", "").split("=", 2);
            if (option.length != 2 || !options.containsKey(option[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; see bench/pacing --help");
            }
            options.put(option[0], option[1]);
        }
        new PacingBenchmark(
                        Integer.parseInt(options.get("requests")),
                        Duration.ofSeconds(Long.parseLong(options.get("kill-after"))),
                        Integer.parseInt(options.get("calls-per-second")),
                        Integer.parseInt(options.get("concurrent-calls")),
                        Integer.parseInt(options.get("prefix-calls-per-second")))
                .run();
    }

    private void run() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        Path data = repository.resolve("bench/target/pacing");
        LocalStack.deleteRecursively(data);
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            sids.add("AC%032x".formatted(0xbe7c4 + i));
        }
        var config = new StackConfig(repository, data, 18080, 0, 0, false, Duration.ofMillis(100), 3, overrides(sids));
        progress("Starting the stack with 3 dialers (logs in " + data.resolve("logs") + ") ...");
        LocalStack stack = LocalStack.start(config);
        var closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                stack.close();
            }
        };
        // Ctrl-C stops the stack's JVMs too.
        Runtime.getRuntime().addShutdownHook(new Thread(close));
        try {
            List<String> accounts = seed(stack, sids);
            String batch = UUID.randomUUID().toString().substring(0, 8);
            Instant published = publish(stack, accounts, batch);
            Instant killAt = published.plus(killAfter);
            Outcomes outcomes = awaitOutcomes(stack, batch, killAt, () -> {
                progress("Killing dialer 2 (SIGKILL) at " + Instant.now());
                stack.killDialer(2);
            });
            // The last calls end a few seconds after they are placed.
            Thread.sleep(Duration.ofSeconds(8));
            List<SimulatedCall> calls = simulatedCalls(stack, Set.copyOf(sids));
            Map<String, List<Turn>> turns = turns(data.resolve("logs"));
            System.out.println(report(sids, calls, turns, outcomes, published, outcomes.killedAt()));
        } finally {
            close.run();
        }
    }

    private Map<StackService, Map<String, Object>> overrides(List<String> sids) {
        Map<String, Object> dialer = new LinkedHashMap<>();
        Map<String, Object> simulator = new LinkedHashMap<>();
        for (int i = 0; i < sids.size(); i++) {
            String sid = sids.get(i);
            String pacing = "switchboard.dialer.pacing.provider-accounts." + sid + ".";
            dialer.put(pacing + "calls-per-second", callsPerSecond);
            dialer.put(pacing + "concurrent-calls", concurrentCalls);
            dialer.put(pacing + "prefix-calls-per-second", prefixCallsPerSecond);
            simulator.put("switchboard.simulator.accounts." + sid, token(i));
            simulator.put("switchboard.simulator.account-calls-per-second." + sid, callsPerSecond);
        }
        dialer.put("switchboard.dialer.pacing.jitter-allowance", JITTER_ALLOWANCE.toMillis() + "ms");
        dialer.put("switchboard.dialer.intake.publishers.local.accounts", List.of("*"));
        // Each call's turn, logged at the instant it is taken: the dialer's side of the measure.
        dialer.put("logging.level.io.switchboard.dialer.pacing.domain.PacingGroup", "DEBUG");
        // A killed member's partitions move once its session times out: 10 s here, 45 s by default.
        dialer.put("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
        dialer.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 2_000);
        // Calls of 1 to 3 s once answered, by the destination's last digit.
        simulator.put(
                "switchboard.simulator.outcome-rules",
                List.of(
                        Map.of("pattern", ".*[0-3]$", "outcome", "completed", "duration-seconds", 1),
                        Map.of("pattern", ".*[4-6]$", "outcome", "completed", "duration-seconds", 2),
                        Map.of("pattern", ".*", "outcome", "completed", "duration-seconds", 3)));
        simulator.put("switchboard.simulator.retained-calls", 50_000);
        return Map.of(StackService.CAMPAIGN_DIALER, dialer, StackService.TELEPHONY_SIMULATOR, simulator);
    }

    private static String token(int account) {
        return "%032x".formatted(0xa0700 + account);
    }

    /** Five accounts, each on a Twilio account of its own, with a wallet that pays for every request. */
    private List<String> seed(LocalStack stack, List<String> sids) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < sids.size(); i++) {
            String account = "bench-" + i;
            accounts.add(account);
            send(
                    "PUT",
                    stack.url(StackService.CALL_ORCHESTRATOR) + "/api/accounts/" + account,
                    stack.tokens().operator(),
                    Map.of(
                            "name", "Bench " + i,
                            "numbers", List.of(Map.of("number", fromNumber(i), "assistantId", "bench-agent")),
                            "assistants",
                                    List.of(Map.of(
                                            "assistantId",
                                            "bench-agent",
                                            "name",
                                            "Bench agent",
                                            "streamUrl",
                                            "wss://assistants.switchboard.local/bench-agent")),
                            "providers", Map.of("twilio", Map.of("accountSid", sids.get(i), "authToken", token(i)))));
            send(
                    "POST",
                    stack.url(StackService.BILLING_SERVICE) + "/api/wallets/" + account + "/top-ups",
                    stack.tokens().forAccount(account, "billing:write"),
                    Map.of("topUpId", "bench-credit", "amount", "5000.00", "currency", "USD"));
        }
        for (String account : accounts) {
            IngressAccounts.awaitKnown(
                    stack.url(StackService.WEBHOOK_INGRESS) + "/webhooks/twilio/" + account + "/status",
                    Duration.ofSeconds(30));
        }
        return accounts;
    }

    private static String fromNumber(int account) {
        return "+1415555020" + account;
    }

    /** Request n: account n mod 5, area code n mod 50, a destination of its own. */
    private Instant publish(LocalStack stack, List<String> accounts, String batch) throws Exception {
        progress("Publishing " + requests + " call requests ...");
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new StringSerializer())) {
            Instant started = Instant.now();
            for (int n = 0; n < requests; n++) {
                int account = n % accounts.size();
                String to = "+1" + AREA_CODES.get(n % AREA_CODES.size()) + "234" + (1000 + n / AREA_CODES.size());
                var request = new CallRequest(
                        "bench-" + batch + "-" + n,
                        accounts.get(account),
                        to,
                        fromNumber(account),
                        "bench-agent",
                        Map.of("bench", batch),
                        null,
                        60,
                        null,
                        null,
                        null,
                        null,
                        null);
                producer.send(new ProducerRecord<>(
                        Topic.CALL_REQUESTS.topicName(),
                        request.requestId(),
                        EventJson.mapper().writeValueAsString(request)));
            }
            producer.flush();
            progress("Published in " + Duration.between(started, Instant.now()).toMillis() + " ms");
            return started;
        }
    }

    /** Placed or rejected, by request id, read from {@code call-outcomes.v1}; kills a dialer at {@code killAt}. */
    private Outcomes awaitOutcomes(LocalStack stack, String batch, Instant killAt, Runnable kill) {
        Map<String, String> settled = new HashMap<>();
        Map<String, Instant> accepted = new HashMap<>();
        Map<String, Integer> rejections = new TreeMap<>();
        Instant killedAt = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        Instant nextReport = Instant.now().plusSeconds(10);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "pacing-bench-" + batch,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.CALL_OUTCOMES.topicName()));
            while (settled.size() < requests && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !record.key().startsWith("bench-" + batch)) {
                        continue;
                    }
                    // Binary mode: the record value is the event data itself.
                    JsonNode outcome = EventJson.mapper().readTree(record.value());
                    String kind = outcome.path("outcome").asString();
                    if (kind.equals("accepted")) {
                        accepted.putIfAbsent(
                                record.key(),
                                Instant.parse(outcome.path("occurredAt").asString()));
                    }
                    if ((kind.equals("placed") || kind.equals("rejected")) && !settled.containsKey(record.key())) {
                        settled.put(record.key(), kind);
                        if (kind.equals("rejected")) {
                            rejections.merge(outcome.path("reason").asString(), 1, Integer::sum);
                        }
                    }
                }
                if (killedAt == null && !Instant.now().isBefore(killAt)) {
                    kill.run();
                    killedAt = Instant.now();
                }
                if (Instant.now().isAfter(nextReport)) {
                    progress(settled.size() + " of " + requests + " requests placed or rejected");
                    nextReport = Instant.now().plusSeconds(10);
                }
            }
        }
        return new Outcomes(settled, accepted, rejections, killedAt);
    }

    private List<SimulatedCall> simulatedCalls(LocalStack stack, Set<String> sids) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(stack.url(StackService.TELEPHONY_SIMULATOR) + "/simulator/calls"))
                .timeout(Duration.ofMinutes(2))
                .build();
        JsonNode all = EventJson.mapper()
                .readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                        .body());
        List<SimulatedCall> calls = new ArrayList<>();
        for (JsonNode call : all) {
            if (!sids.contains(call.path("accountSid").asString())) {
                continue;
            }
            calls.add(new SimulatedCall(
                    call.path("accountSid").asString(),
                    call.path("to").asString(),
                    Instant.parse(call.path("dateCreated").asString()),
                    call.path("endTime").isString()
                            ? Instant.parse(call.path("endTime").asString())
                            : null,
                    call.path("queuedMillis").isNumber()
                            ? call.path("queuedMillis").asLong()
                            : 0));
        }
        calls.sort(Comparator.comparing(SimulatedCall::created));
        return calls;
    }

    private String report(
            List<String> sids,
            List<SimulatedCall> calls,
            Map<String, List<Turn>> turns,
            Outcomes outcomes,
            Instant published,
            Instant killedAt) {
        var out = new StringBuilder();
        out.append("### Pacing: 3 dialers, ")
                .append(requests)
                .append(" requests, 5 Twilio accounts, 50 area codes\n\n");
        out.append("Limits per Twilio account: ")
                .append(callsPerSecond)
                .append(" calls/s, ")
                .append(concurrentCalls)
                .append(" concurrent calls, ")
                .append(prefixCallsPerSecond)
                .append(" calls/s per area code; jitter allowance ")
                .append(JITTER_ALLOWANCE.toMillis())
                .append(" ms; calls of 1-3 s once answered; dialer 2 killed (SIGKILL) ")
                .append(
                        killedAt == null
                                ? "never"
                                : Duration.between(published, killedAt).toSeconds() + " s")
                .append(" after the requests were published; session timeout 10 s.\n\n");
        long placed =
                outcomes.settled().values().stream().filter("placed"::equals).count();
        out.append("Requests placed: ")
                .append(placed)
                .append(", rejected: ")
                .append(outcomes.settled().size() - placed)
                .append(outcomes.rejections().isEmpty() ? "" : " " + outcomes.rejections())
                .append(", never settled: ")
                .append(requests - outcomes.settled().size())
                .append(". Calls the simulator created: ")
                .append(calls.size())
                .append("; destinations dialed more than once: ")
                .append(
                        calls.stream()
                                .collect(Collectors.groupingBy(SimulatedCall::to, Collectors.counting()))
                                .values()
                                .stream()
                                .filter(count -> count > 1)
                                .count())
                .append("; calls the simulator had to queue (over its 20/s): ")
                .append(calls.stream().filter(call -> call.queuedMillis() > 0).count())
                .append(".\n\n");
        out.append(("| Twilio account | calls | busiest second | seconds over %d/s | busiest second to one area code "
                        + "| seconds over %d/s | at the dialers' turns: busiest second, to one area code | most "
                        + "concurrent | first to last create | longest gap (from) | rate used |\n")
                .formatted(callsPerSecond, prefixCallsPerSecond));
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String sid : sids) {
            List<SimulatedCall> account =
                    calls.stream().filter(call -> call.sid().equals(sid)).toList();
            if (account.isEmpty()) {
                out.append("| ").append(sid).append(" | 0 | | | | | | | | | |\n");
                continue;
            }
            List<Instant> created = account.stream().map(SimulatedCall::created).toList();
            Window rate = windows(created, callsPerSecond);
            Window perPrefix = new Window(0, 0);
            for (List<Instant> toPrefix : account.stream()
                    .collect(Collectors.groupingBy(
                            call -> call.to().substring(0, 5),
                            Collectors.mapping(SimulatedCall::created, Collectors.toList())))
                    .values()) {
                Window prefix = windows(toPrefix, prefixCallsPerSecond);
                perPrefix =
                        new Window(Math.max(perPrefix.busiest(), prefix.busiest()), perPrefix.over() + prefix.over());
            }
            Duration span = Duration.between(created.getFirst(), created.getLast());
            Duration longestGap = Duration.ZERO;
            Instant gapFrom = created.getFirst();
            for (int i = 1; i < created.size(); i++) {
                Duration gap = Duration.between(created.get(i - 1), created.get(i));
                if (gap.compareTo(longestGap) > 0) {
                    longestGap = gap;
                    gapFrom = created.get(i - 1);
                }
            }
            double used = rateWhileWaiting(accepted(outcomes, sids.indexOf(sid)), created);
            out.append("| ")
                    .append("…")
                    .append(sid.substring(sid.length() - 4))
                    .append(" | ")
                    .append(account.size())
                    .append(" | ")
                    .append(rate.busiest())
                    .append(" | ")
                    .append(rate.over())
                    .append(" | ")
                    .append(perPrefix.busiest())
                    .append(" | ")
                    .append(perPrefix.over())
                    .append(" | ")
                    .append(turnsSummary(turns.getOrDefault(sid, List.of())))
                    .append(" | ")
                    .append(mostConcurrent(account))
                    .append(" | ")
                    .append(seconds(span))
                    .append(" | ")
                    .append(seconds(longestGap))
                    .append(" (")
                    .append(seconds(Duration.between(published, gapFrom)))
                    .append(" after publishing) | ")
                    .append("%.1f/s = %.1f%%".formatted(used, 100 * used / callsPerSecond))
                    .append(" |\n");
        }
        out.append("\n\"Rate used\": creates per second while the account had requests admitted and not yet created "
                + "(waiting), leaving out waits over 1 s between creates (the failover of a killed dialer's accounts); "
                + "the rate stretched by the jitter allowance is %.1f%% of it.\n"
                        .formatted(100_000.0 / (1_000 + JITTER_ALLOWANCE.toMillis())));
        return out.toString();
    }

    /** Every call's turn as the dialers logged it, by Twilio account SID. */
    private static Map<String, List<Turn>> turns(Path logs) throws IOException {
        Map<String, List<Turn>> turns = new HashMap<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("campaign-dialer"))
                    .toList()) {
                for (String line : Files.readAllLines(log)) {
                    if (!line.contains("Turn of a call to ")) {
                        continue;
                    }
                    JsonNode entry = EventJson.mapper().readTree(line);
                    String[] words = entry.path("message").asString().split(" ");
                    String account = words[words.length - 1];
                    turns.computeIfAbsent(account.substring(account.indexOf('/') + 1), sid -> new ArrayList<>())
                            .add(new Turn(Instant.parse(entry.path("@timestamp").asString()), words[5]));
                }
            }
        }
        return turns;
    }

    private String turnsSummary(List<Turn> turns) {
        if (turns.isEmpty()) {
            return "-";
        }
        Window rate = windows(turns.stream().map(Turn::at).toList(), callsPerSecond);
        int busiestToArea = turns.stream()
                .collect(Collectors.groupingBy(
                        turn -> turn.to().substring(0, 5), Collectors.mapping(Turn::at, Collectors.toList())))
                .values()
                .stream()
                .mapToInt(toArea -> windows(toArea, prefixCallsPerSecond).busiest())
                .max()
                .orElse(0);
        return rate.busiest() + ", " + busiestToArea;
    }

    /** When each request of account {@code index} (request n belongs to account n mod 5) was admitted. */
    private static List<Instant> accepted(Outcomes outcomes, int index) {
        return outcomes.accepted().entrySet().stream()
                .filter(entry ->
                        Integer.parseInt(entry.getKey().substring(entry.getKey().lastIndexOf('-') + 1)) % ACCOUNTS
                                == index)
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }

    /**
     * Creates per second over the time some admitted request of the account had not been created yet, leaving out
     * waits longer than a second between creates (a failover, not pacing).
     */
    private static double rateWhileWaiting(List<Instant> admitted, List<Instant> created) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        admitted.forEach(at -> changes.merge(at, 1, Integer::sum));
        created.forEach(at -> changes.merge(at, -1, Integer::sum));
        Set<Instant> creates = Set.copyOf(created);
        int waiting = 0;
        Instant since = null;
        long waitingNanos = 0;
        int createdWhileWaiting = 0;
        for (var change : changes.entrySet()) {
            Instant at = change.getKey();
            if (waiting > 0 && since != null) {
                Duration gap = Duration.between(since, at);
                if (gap.compareTo(Duration.ofSeconds(1)) <= 0) {
                    waitingNanos += gap.toNanos();
                    if (creates.contains(at)) {
                        createdWhileWaiting++;
                    }
                }
            }
            waiting += change.getValue();
            since = at;
        }
        return waitingNanos == 0 ? 0 : createdWhileWaiting / (waitingNanos / 1e9);
    }

    /** The most creates in a half-open second starting at any create, and how many such seconds exceed the limit. */
    private static Window windows(List<Instant> created, int limit) {
        List<Instant> sorted = created.stream().sorted().toList();
        int busiest = 0;
        int over = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant until = sorted.get(start).plusSeconds(1);
            end = Math.max(end, start);
            while (end < sorted.size() && sorted.get(end).isBefore(until)) {
                end++;
            }
            int inWindow = end - start;
            busiest = Math.max(busiest, inWindow);
            if (inWindow > limit) {
                over++;
            }
        }
        return new Window(busiest, over);
    }

    /** Twilio counts a call from its creation to its end. */
    private static int mostConcurrent(List<SimulatedCall> calls) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        for (SimulatedCall call : calls) {
            changes.merge(call.created(), 1, Integer::sum);
            changes.merge(call.ended() == null ? Instant.MAX : call.ended(), -1, Integer::sum);
        }
        int now = 0;
        int most = 0;
        for (int change : changes.values()) {
            now += change;
            most = Math.max(most, now);
        }
        return most;
    }

    private static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private void send(String method, String url, String token, Object body) {
        api.send(method, url, token, body);
    }

    private static void progress(String line) {
        System.err.println("[" + Instant.now() + "] " + line);
    }

    private record SimulatedCall(String sid, String to, Instant created, Instant ended, long queuedMillis) {}

    private record Window(int busiest, int over) {}

    private record Turn(Instant at, String to) {}

    /** @param accepted when each request was admitted and queued */
    private record Outcomes(
            Map<String, String> settled,
            Map<String, Instant> accepted,
            Map<String, Integer> rejections,
            Instant killedAt) {}
}
