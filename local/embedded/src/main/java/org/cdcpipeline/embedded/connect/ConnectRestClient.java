package org.cdcpipeline.embedded.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cdcpipeline.embedded.StartupException;

/** The parts of Kafka Connect's REST API the pipeline uses: register a connector and follow its state. */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRestClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Creates the connector, or updates its configuration if it exists (PUT is idempotent). */
    public void putConnectorConfig(String name, Map<String, String> config) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(baseUrl.resolve("/connectors/" + name + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
            if (response.statusCode() / 100 != 2) {
                throw new StartupException("Kafka Connect rejected the configuration of connector '" + name + "' (HTTP "
                        + response.statusCode() + "): " + response.body());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The connector's and its tasks' states, e.g. {@code RUNNING}, or empty states when Connect does not know it yet. */
    public ConnectorState state(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUrl.resolve("/connectors/" + name + "/status")).GET());
        if (response.statusCode() == 404) {
            return ConnectorState.UNKNOWN;
        }
        try {
            return ConnectorState.of(JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected status from Kafka Connect: " + response.body(), e);
        }
    }

    /** Waits until the connector and all its tasks run; fails with the worker's trace when one of them fails. */
    public void awaitRunning(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ConnectorState state = ConnectorState.UNKNOWN;
        while (Instant.now().isBefore(deadline)) {
            state = state(name);
            if (state.failed()) {
                throw new StartupException("Connector '" + name + "' failed: " + state.trace());
            }
            if (state.running()) {
                return;
            }
            pause();
        }
        throw new StartupException("Connector '" + name + "' did not reach RUNNING within " + timeout.toSeconds() + " s (last state: "
                + state.summary() + ").");
    }

    public void deleteConnector(String name) {
        send(HttpRequest.newBuilder(baseUrl.resolve("/connectors/" + name)).DELETE());
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/connectors")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the REST server starts a moment after the worker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted while waiting for Kafka Connect", e);
            }
            pause();
        }
        throw new StartupException("Kafka Connect's REST API at " + baseUrl + " did not answer within " + timeout.toSeconds() + " s.");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StartupException("Kafka Connect at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while calling Kafka Connect", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for Kafka Connect", e);
        }
    }

    /** A connector's state as {@code GET /connectors/{name}/status} reports it. */
    public record ConnectorState(String connector, List<String> tasks, String trace) {

        static final ConnectorState UNKNOWN = new ConnectorState("UNKNOWN", List.of(), "");

        static ConnectorState of(JsonNode status) {
            List<String> tasks = new ArrayList<>();
            StringBuilder trace = new StringBuilder(status.path("connector").path("trace").asText(""));
            for (JsonNode task : status.path("tasks")) {
                tasks.add(task.path("state").asText());
                trace.append(task.path("trace").asText(""));
            }
            return new ConnectorState(status.path("connector").path("state").asText("UNKNOWN"), tasks, trace.toString());
        }

        public boolean running() {
            return "RUNNING".equals(connector) && !tasks.isEmpty() && tasks.stream().allMatch("RUNNING"::equals);
        }

        public boolean failed() {
            return "FAILED".equals(connector) || tasks.contains("FAILED");
        }

        public String summary() {
            return "connector " + connector + ", tasks " + tasks;
        }
    }
}
