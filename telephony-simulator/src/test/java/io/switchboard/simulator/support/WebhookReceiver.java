package io.switchboard.simulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for webhook-ingress: records every request and answers 204 unless scripted otherwise. */
public final class WebhookReceiver implements AutoCloseable {

    /** A scripted answer, sent after {@code delay}. */
    public record Reply(int status, String body, Duration delay) {

        public Reply(int status, String body) {
            this(status, body, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    /** Sends a delayed reply when it is due, without holding a request thread meanwhile. */
    private final ScheduledExecutorService lateReplies = Executors.newSingleThreadScheduledExecutor();

    private final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Reply>> scripted = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these replies, in order; after that 204 again. */
    public void reply(String path, Reply... replies) {
        scripted.computeIfAbsent(path, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
    }

    public List<ReceivedWebhook> received(String path) {
        return received.stream().filter(hook -> hook.path().equals(path)).toList();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            lateReplies.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = form(exchange.getRequestMethod().equals("GET") ? query : body);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        String path = exchange.getRequestURI().getPath();
        received.add(new ReceivedWebhook(
                exchange.getRequestMethod(),
                path,
                url(exchange.getRequestURI().getRawPath()) + (query == null ? "" : "?" + query),
                headers,
                params));
        Queue<Reply> replies = scripted.get(path);
        Reply next = replies == null ? null : replies.poll();
        Reply reply = next == null ? new Reply(204, "") : next;
        if (reply.delay().isZero()) {
            send(exchange, reply);
        } else {
            lateReplies.schedule(() -> send(exchange, reply), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        } catch (IOException e) {
            // The simulator gave up waiting and closed the connection: the reply has no one to go to.
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
