package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.cdcpipeline.bench.measure.Clock;
import org.cdcpipeline.embedded.Ports;

/**
 * Stands in for Slack's servers: an incoming webhook on 127.0.0.1 that answers every post with 200 {@code ok}, as
 * Slack does, and records when each post arrived and which transactions it mentions (a single alert names one, a
 * digest several; each through the link to the transaction in the writer's API).
 */
public final class FakeSlack implements AutoCloseable {

    private static final Pattern TRANSACTION_LINK = Pattern.compile("/api/transactions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final String WEBHOOK_PATH = "/services/T0BENCH/B0BENCH/bench";

    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();

    /** One webhook call: its arrival time (epoch microseconds) and the transactions it mentions. */
    public record Post(long arrivedMicros, Set<UUID> transactions) {
    }

    private FakeSlack(HttpServer server) {
        this.server = server;
    }

    public static FakeSlack start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
        FakeSlack slack = new FakeSlack(server);
        server.createContext(WEBHOOK_PATH, slack::receive);
        server.start();
        return slack;
    }

    /** What the notifier gets as {@code SLACK_WEBHOOK_URL}. */
    public URI webhookUrl() {
        return URI.create("http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort() + WEBHOOK_PATH);
    }

    private void receive(HttpExchange exchange) throws IOException {
        long arrived = Clock.nowMicros();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String payload = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Set<UUID> transactions = new LinkedHashSet<>();
            Matcher link = TRANSACTION_LINK.matcher(payload);
            while (link.find()) {
                transactions.add(UUID.fromString(link.group(1)));
            }
            synchronized (posts) {
                posts.add(new Post(arrived, transactions));
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    /** The posts received so far, in arrival order. */
    public List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** Forgets the posts received so far: the next measurement starts from none. */
    public void clear() {
        synchronized (posts) {
            posts.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
