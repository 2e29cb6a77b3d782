package io.switchboard.dialer.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for Twilio's "create a call" and "list calls" endpoints on a loopback port: records
 * every request and answers 201 with a Twilio-shaped call, unless replies were scripted for the
 * destination. A scripted reply may create the call and still fail (a 5xx, or an answer that comes
 * too late), as Twilio can; the call list then shows it, newest first, filtered by To and From.
 */
public final class FakeTwilioServer implements AutoCloseable {

    private static final Pattern CALL_PATH = Pattern.compile("/2010-04-01/Accounts/[^/]+/Calls/(CA[0-9a-f]+)\\.json");

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token";

    /** RFC 2822 as Twilio writes it: {@code Thu, 03 Dec 2026 07:01:00 +0000}. */
    private static final DateTimeFormatter TWILIO_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private static final Pattern ACCOUNT_PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/.*");

    /** One request as Twilio would have seen it, and when it arrived. */
    public record Received(
            String method,
            String path,
            String authorization,
            String contentType,
            Map<String, List<String>> form,
            Instant at) {

        /** The Twilio account the request was made on, from its path. */
        public String accountSid() {
            var matcher = ACCOUNT_PATH.matcher(path);
            return matcher.matches() ? matcher.group(1) : null;
        }

        public String param(String name) {
            List<String> values = form.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /**
     * @param creates whether Twilio created the call before answering
     * @param delay   how long the answer takes
     */
    public record Reply(int status, String body, boolean creates, Duration delay) {

        public Reply(int status, String body) {
            this(status, body, false, Duration.ZERO);
        }

        public static Reply error(int status, int code, String message) {
            return new Reply(status, """
                    {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}""".formatted(code, message, code, status));
        }

        /** The call is created, and then the answer is this error anyway. */
        public static Reply createdThenError(int status, int code, String message) {
            Reply error = error(status, code, message);
            return new Reply(error.status(), error.body(), true, Duration.ZERO);
        }

        /** The call is created, and the 201 comes after {@code delay}: later than a client waits. */
        public static Reply createdThenLate(Duration delay) {
            return new Reply(201, null, true, delay);
        }
    }

    /** A call Twilio holds, as its list shows it. */
    public record Listed(String sid, String to, String from, Instant created) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final List<Listed> calls = new CopyOnWriteArrayList<>();
    /** Sends a late answer when it is due, without holding a request thread meanwhile. */
    private final ScheduledExecutorService lateReplies = Executors.newSingleThreadScheduledExecutor();

    private FakeTwilioServer(HttpServer server) {
        this.server = server;
    }

    public static FakeTwilioServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var fake = new FakeTwilioServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Twilio server", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next calls to {@code to} get these replies, in order; later ones get the default 201. */
    public synchronized void script(String to, Reply... replies) {
        scripted.computeIfAbsent(to, key -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The create requests received (list requests left out). */
    public List<Received> creates() {
        return received.stream()
                .filter(request -> request.method().equals("POST"))
                .filter(request -> !CALL_PATH.matcher(request.path()).matches())
                .toList();
    }

    /** The calls Twilio holds, whatever it answered. */
    public List<Listed> calls() {
        return List.copyOf(calls);
    }

    /** Requests whose voice URL belongs to {@code accountId}: the calls dialed for that account. */
    public List<Received> callsFor(String accountId) {
        return received.stream()
                .filter(request -> String.valueOf(request.param("Url")).contains("/webhooks/twilio/" + accountId + "/"))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        lateReplies.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var request = new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                parseForm(body),
                at);
        received.add(request);
        Reply reply = request.method().equals("GET")
                ? list(exchange.getRequestURI().getRawQuery())
                : CALL_PATH.matcher(request.path()).matches() ? update(request) : nextReply(request);
        if (reply.delay().isZero()) {
            send(exchange, reply);
        } else {
            lateReplies.schedule(() -> send(exchange, reply), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The client gave up waiting and closed the connection: the late answer has no one to go to.
        }
    }

    private Reply list(String rawQuery) {
        Map<String, List<String>> query = parseForm(rawQuery == null ? "" : rawQuery);
        String to = query.getOrDefault("To", List.of("")).getFirst();
        String from = query.getOrDefault("From", List.of("")).getFirst();
        String page = calls.reversed().stream()
                .filter(call -> to.isEmpty() || call.to().equals(to))
                .filter(call -> from.isEmpty() || call.from().equals(from))
                .map(FakeTwilioServer::json)
                .collect(Collectors.joining(","));
        String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
        return new Reply(200, """
                {"calls":[%s],"first_page_uri":"%s?PageSize=50&Page=0","next_page_uri":null,"previous_page_uri":null,                "page":0,"page_size":50,"start":0,"end":0,"uri":"%s?PageSize=50&Page=0"}""".formatted(page, uri, uri));
    }

    private static String json(Listed call) {
        return """
                {"sid":"%s","account_sid":"%s","status":"queued","to":"%s","from":"%s","direction":"outbound-api",                "api_version":"2010-04-01","date_created":"%s"}""".formatted(
                        call.sid(),
                        ACCOUNT_SID,
                        call.to(),
                        call.from(),
                        TWILIO_DATE.format(call.created().atZone(ZoneOffset.UTC)));
    }

    private Reply nextReply(Received request) {
        synchronized (this) {
            Deque<Reply> replies = scripted.get(String.valueOf(request.param("To")));
            if (replies != null && !replies.isEmpty()) {
                Reply scriptedReply = replies.poll();
                if (!scriptedReply.creates()) {
                    return scriptedReply;
                }
                Reply created = create(request);
                return scriptedReply.body() == null
                        ? new Reply(created.status(), created.body(), true, scriptedReply.delay())
                        : scriptedReply;
            }
        }
        return create(request);
    }

    /** {@code POST .../Calls/{sid}.json}: the call as it is, or Twilio's 404 for a call it never had. */
    private Reply update(Received request) {
        var matcher = CALL_PATH.matcher(request.path());
        matcher.matches();
        String sid = matcher.group(1);
        return calls.stream()
                .filter(call -> call.sid().equals(sid))
                .findFirst()
                .map(call -> new Reply(200, json(call)))
                .orElse(new Reply(
                        404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}"));
    }

    /** The updates asked of calls ({@code POST .../Calls/{sid}.json}), in order. */
    public List<Received> updates() {
        return received.stream()
                .filter(request -> CALL_PATH.matcher(request.path()).matches())
                .toList();
    }

    private Reply create(Received request) {
        var call = new Listed(
                "CA" + UUID.randomUUID().toString().replace("-", ""),
                request.param("To"),
                request.param("From"),
                Instant.now());
        calls.add(call);
        return new Reply(201, json(call));
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
