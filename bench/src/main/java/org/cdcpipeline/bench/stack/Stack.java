package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.connect.ConnectRestClient;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;

/**
 * The embedded stack as {@code ./cdc} runs it (PostgreSQL, a KRaft broker, a Connect worker with Debezium), except
 * that broker and worker each run in a JVM of their own so that their memory and CPU can be told apart.
 */
public final class Stack implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackSettings settings;
    private PostgresServer postgres;
    private ChildJvm broker;
    private ChildJvm connect;
    private String bootstrapServers;
    private ConnectRestClient rest;

    private Stack(StackSettings settings) {
        this.settings = settings;
    }

    public static Stack start(StackSettings settings, Path workDirectory) throws IOException, InterruptedException {
        Stack stack = new Stack(settings);
        try {
            stack.startAll(workDirectory);
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The broker's JVM starts while PostgreSQL starts and is migrated: the slowest steps overlap. */
    private void startAll(Path work) throws IOException, InterruptedException {
        int kafkaPort = Ports.findFree();
        broker = ChildJvm.launch("kafka-broker", settings.brokerJvmOptions(), List.of("broker",
                Files.createDirectories(work.resolve("kafka")).toString(), Integer.toString(kafkaPort), Integer.toString(Ports.findFree())), work);
        started.push(broker);
        bootstrapServers = Ports.LOOPBACK + ":" + kafkaPort;

        postgres = PostgresServer.start(PostgresSettings.of(stateDirectory(work), Ports.findFree(), Credentials.ADMIN_USER,
                Credentials.ADMIN_PASSWORD).withServerSettings(settings.postgresSettings()));
        started.push(postgres);
        postgres.createDatabaseIfMissing(Credentials.DATABASE);
        SchemaMigration.migrate(jdbcUrl());
        broker.awaitReady(STARTUP_TIMEOUT);

        int restPort = Ports.findFree();
        List<String> connectArgs = new ArrayList<>(List.of("connect", bootstrapServers, Integer.toString(restPort)));
        settings.workerSettings().forEach((key, value) -> connectArgs.add(key + "=" + value));
        connect = ChildJvm.launch("kafka-connect", settings.connectJvmOptions(), connectArgs, work);
        started.push(connect);
        connect.awaitReady(STARTUP_TIMEOUT);
        rest = new ConnectRestClient(URI.create("http://" + Ports.LOOPBACK + ":" + restPort));
    }

    /** Where PostgreSQL's state lives for a work directory (see {@link PostgresServer#homeFor} for its files). */
    public static Path stateDirectory(Path workDirectory) {
        return workDirectory.resolve("state");
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(Credentials.DATABASE);
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ConnectRestClient rest() {
        return rest;
    }

    /**
     * Waits until no walsender streams from the slot: a connector whose status already says STOPPED may still be
     * shutting its task down, and rows written meanwhile would be streamed before the drain starts counting.
     */
    public void awaitSlotReleased(String slot, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = postgres.connectAsSuperuser(Credentials.DATABASE);
             PreparedStatement active = connection.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            active.setString(1, slot);
            while (true) {
                try (ResultSet row = active.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replication slot " + slot + " is still in use after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    /** The process ids to watch: PostgreSQL's postmaster (its backends are its children), the broker's and Connect's JVMs. */
    public Map<String, Long> componentPids() throws IOException {
        Path pidFile = postgres.logFile().resolveSibling("data").resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("postgresql", postmaster);
        pids.put("kafka-broker", broker.pid());
        pids.put("kafka-connect", connect.pid());
        return pids;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop a component of the stack: " + e);
            }
        }
    }
}
