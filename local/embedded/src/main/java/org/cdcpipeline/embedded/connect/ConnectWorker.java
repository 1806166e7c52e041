package org.cdcpipeline.embedded.connect;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.StartupException;

/**
 * A Kafka Connect worker in distributed mode inside this JVM: connector configurations, source offsets and
 * statuses live in Kafka topics, exactly as in a Connect cluster, so a restart resumes where it stopped.
 * Its REST API listens on 127.0.0.1. Connector plugins (Debezium's PostgreSQL connector) come from the classpath.
 */
public final class ConnectWorker implements AutoCloseable {

    public static final String GROUP_ID = "cdc-connect";
    public static final String OFFSETS_TOPIC = "cdc-connect-offsets";

    private final Connect<DistributedHerder> connect;
    private final ConnectRestClient rest;

    private ConnectWorker(Connect<DistributedHerder> connect, ConnectRestClient rest) {
        this.connect = connect;
        this.rest = rest;
    }

    /**
     * Starts the worker and waits until its REST API serves requests.
     *
     * @param overrides worker settings applied over the defaults, e.g. {@code offset.flush.interval.ms}
     */
    public static ConnectWorker start(String bootstrapServers, int restPort, Map<String, String> overrides) {
        Ports.requireFree("the Kafka Connect REST API", restPort, "--connect-port or CDC_CONNECT_PORT");
        Map<String, String> properties = workerProperties(bootstrapServers, restPort);
        properties.putAll(overrides);
        // Kafka's command-line code calls System.exit when the worker fails to start; in a shared JVM that must be an error instead.
        Exit.setExitProcedure((status, message) -> {
            throw new StartupException("Kafka Connect failed to start (status " + status + ")" + (message == null ? "" : ": " + message)
                    + ". See the Connect log for the cause.");
        });
        // The worker's lifecycle belongs to its owner (the pipeline stops it in order), not to a JVM shutdown hook of its own.
        Exit.setShutdownHookAdder((name, hook) -> { });
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(properties);
        ConnectRestClient rest = new ConnectRestClient(URI.create("http://" + Ports.LOOPBACK + ":" + restPort));
        ConnectWorker worker = new ConnectWorker(connect, rest);
        try {
            rest.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    static Map<String, String> workerProperties(String bootstrapServers, int restPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", GROUP_ID);
        properties.put("config.storage.topic", "cdc-connect-configs");
        properties.put("offset.storage.topic", OFFSETS_TOPIC);
        properties.put("status.storage.topic", "cdc-connect-status");
        // -1: the broker's default replication factor, so the same settings suit one broker and three.
        properties.put("config.storage.replication.factor", "-1");
        properties.put("offset.storage.replication.factor", "-1");
        properties.put("status.storage.replication.factor", "-1");
        properties.put("offset.storage.partitions", "1");
        properties.put("status.storage.partitions", "1");
        properties.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("key.converter.schemas.enable", "false");
        properties.put("value.converter.schemas.enable", "false");
        properties.put("listeners", "http://" + Ports.LOOPBACK + ":" + restPort);
        properties.put("rest.advertised.host.name", Ports.LOOPBACK);
        properties.put("rest.advertised.port", Integer.toString(restPort));
        // Plugins are found through their ServiceLoader manifests instead of a classpath scan: seconds faster to start.
        properties.put("plugin.discovery", "service_load");
        // Debezium confirms an LSN to PostgreSQL only once Connect has committed its offset: commit often so the
        // replication slot, and with it the WAL kept on disk, advances promptly.
        properties.put("offset.flush.interval.ms", "1000");
        return properties;
    }

    public ConnectRestClient rest() {
        return rest;
    }

    public URI url() {
        return rest.baseUrl();
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
