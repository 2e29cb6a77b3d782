package io.switchboard.dialer.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for Twilio's "create a call" endpoint on a loopback port: records every request
 * and answers 201 with a Twilio-shaped call, unless replies were scripted for the destination.
 */
public final class FakeTwilioServer implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token";

    /** One request as Twilio would have seen it. */
    public record Received(
            String method, String path, String authorization, String contentType, Map<String, List<String>> form) {

        public String param(String name) {
            List<String> values = form.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    public record Reply(int status, String body) {

        public static Reply error(int status, int code, String message) {
            return new Reply(status, """
                    {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}""".formatted(code, message, code, status));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();

    private FakeTwilioServer(HttpServer server) {
        this.server = server;
    }

    public static FakeTwilioServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var fake = new FakeTwilioServer(server);
            server.createContext("/", fake::handle);
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

    /** Requests whose voice URL belongs to {@code accountId}: the calls dialed for that account. */
    public List<Received> callsFor(String accountId) {
        return received.stream()
                .filter(request -> String.valueOf(request.param("Url")).contains("/webhooks/twilio/" + accountId + "/"))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    parseForm(body));
            received.add(request);
            Reply reply = nextReply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply nextReply(Received request) {
        synchronized (this) {
            Deque<Reply> replies = scripted.get(String.valueOf(request.param("To")));
            if (replies != null && !replies.isEmpty()) {
                return replies.poll();
            }
        }
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        return new Reply(201, """
                {"sid":"%s","account_sid":"%s","status":"queued","to":"%s","from":"%s","direction":"outbound-api",\
                "api_version":"2010-04-01","date_created":"Sun, 22 Nov 2026 03:00:00 +0000"}""".formatted(sid, ACCOUNT_SID, request.param("To"), request.param("From")));
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
