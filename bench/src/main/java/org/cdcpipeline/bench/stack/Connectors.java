package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.cdcpipeline.embedded.connect.ConnectRestClient;

/**
 * Registers, stops and resumes connectors. Stopping (Kafka Connect's {@code PUT /connectors/{name}/stop}) shuts the
 * task down completely, unlike pausing, so a resumed connector starts from its committed offset with nothing
 * read ahead: the backlog drain starts from zero.
 */
public final class Connectors {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ConnectRestClient rest;
    private final HttpClient http = HttpClient.newHttpClient();

    public Connectors(ConnectRestClient rest) {
        this.rest = rest;
    }

    /** Creates the connector; Connect starts it in the background (see {@link #awaitRunning}). */
    public void register(ConnectorVariant variant) {
        rest.putConnectorConfig(variant.name(), variant.config());
    }

    public void stop(ConnectorVariant variant) throws IOException, InterruptedException {
        put(variant, "stop");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"STOPPED".equals(rest.state(variant.name()).connector())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("connector " + variant.name() + " did not stop: " + rest.state(variant.name()).summary());
            }
            Thread.sleep(50);
        }
    }

    /** Resumes a stopped connector; returns as soon as Connect accepted the request (the drain's clock starts here). */
    public void resume(ConnectorVariant variant) throws IOException, InterruptedException {
        put(variant, "resume");
    }

    public void awaitRunning(ConnectorVariant variant) {
        rest.awaitRunning(variant.name(), TIMEOUT);
    }

    private void put(ConnectorVariant variant, String action) throws IOException, InterruptedException {
        URI uri = rest.baseUrl().resolve("/connectors/" + variant.name() + "/" + action);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
