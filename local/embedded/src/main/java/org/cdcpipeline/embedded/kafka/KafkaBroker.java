package org.cdcpipeline.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.StartupException;

/**
 * A one-node Kafka cluster in KRaft mode (broker and controller in one process) inside this JVM,
 * listening on 127.0.0.1 only. Its log directory is formatted on first start and reused afterwards,
 * so topics and committed offsets survive a restart.
 *
 * <p>Kafka offers no public API for an embedded broker; this class is the one place that touches its
 * server classes ({@link KafkaRaftServer} and the storage {@link Formatter}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param logDirectory   where the broker keeps its data
     * @param port           the client listener
     * @param controllerPort the KRaft controller listener (internal to this node)
     * @param overrides      broker settings applied over the single-node defaults
     */
    public static KafkaBroker start(Path logDirectory, int port, int controllerPort, Map<String, String> overrides) {
        Ports.requireFree("Kafka", port, "--kafka-port or CDC_KAFKA_PORT");
        Ports.requireFree("the Kafka controller", controllerPort, "--kafka-controller-port or CDC_KAFKA_CONTROLLER_PORT");
        Properties properties = singleNodeProperties(logDirectory, port, controllerPort);
        properties.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(properties);
        formatOnFirstStart(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new StartupException("Kafka failed to start on " + Ports.LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
        return new KafkaBroker(server, port);
    }

    private static Properties singleNodeProperties(Path logDirectory, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + "," + CONTROLLER_LISTENER + "://" + Ports.LOOPBACK + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    private static void formatOnFirstStart(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String directory = logDirectory.toAbsolutePath().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory)
                    .setDirectories(Set.of(directory))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new StartupException("Could not format Kafka's log directory " + directory + ": " + e.getMessage() + "\n" + output, e);
        }
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
