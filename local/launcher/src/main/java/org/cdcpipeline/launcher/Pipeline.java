package org.cdcpipeline.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.connect.ConnectWorker;
import org.cdcpipeline.embedded.connect.DebeziumConnectorConfig;
import org.cdcpipeline.embedded.kafka.KafkaBroker;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;

/**
 * The whole local pipeline: PostgreSQL → (transaction-writer migrates the schema) → Kafka → Kafka Connect with the
 * Debezium connector → notifier. Started in dependency order, stopped in reverse; a failed start stops what had
 * started. The launcher's command and the whole-pipeline tests both start it through {@link #start}.
 */
public final class Pipeline implements AutoCloseable {

    private final LocalSettings settings;
    private final Progress progress;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ConnectWorker connect;
    private ServiceProcess notifier;
    /** Where the Slack settings the notifier gets come from: the launcher's environment. */
    private final Map<String, String> environment;

    private Pipeline(LocalSettings settings, Progress progress, Map<String, String> environment) {
        this.settings = settings;
        this.progress = progress;
        this.environment = environment;
    }

    public static Pipeline start(LocalSettings settings, PrintStream out) {
        return start(settings, out, System.getenv());
    }

    /** @param environment variables the services may take settings from, {@code SLACK_*} for the notifier */
    static Pipeline start(LocalSettings settings, PrintStream out, Map<String, String> environment) {
        Pipeline pipeline = new Pipeline(settings, new Progress(out), environment);
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll() {
        LocalSettings.Ports ports = settings.ports();

        // WAL tuning keeps checkpoints out of bulk loads (the generator's bulk mode); durability settings stay.
        postgres = progress.step("PostgreSQL", () -> PostgresServer.start(PostgresSettings.of(
                settings.stateDirectory(), ports.postgres(), LocalCredentials.ADMIN_USER, LocalCredentials.ADMIN_PASSWORD)
                        .withServerSettings(PostgresSettings.WAL_TUNING)),
                server -> Ports.LOOPBACK + ":" + server.port() + " (PostgreSQL " + server.binaries().majorVersion() + ")");
        started.push(postgres);
        postgres.createDatabaseIfMissing(LocalSettings.DATABASE);

        kafka = progress.step("Kafka broker", () -> KafkaBroker.start(directory("kafka"), ports.kafka(), ports.kafkaController(), Map.of()),
                KafkaBroker::bootstrapServers);
        started.push(kafka);

        connect = progress.step("Kafka Connect", () -> ConnectWorker.start(kafka.bootstrapServers(), ports.connect(), Map.of()),
                worker -> worker.url().toString());
        started.push(connect);

        ServiceProcess writer = progress.step("transaction-writer", () -> launch("transaction-writer", ports.transactionWriter(),
                writerEnvironment()), service -> service.url().toString());
        started.push(writer);

        if (settings.demoData()) {
            boolean written = DemoData.writeIfEmpty(jdbcUrl(), LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD);
            progress.line(written
                    ? String.format("  ready  %-20s %d accounts, %d merchants, %d transactions", "demo data",
                            DemoData.ACCOUNTS, DemoData.MERCHANTS, DemoData.TRANSACTIONS)
                    : String.format("  ready  %-20s kept from the last run", "data"));
        }

        progress.step("Debezium connector", () -> {
            connect.rest().putConnectorConfig(DebeziumConnectorConfig.CONNECTOR_NAME, DebeziumConnectorConfig.forDatabase(
                    Ports.LOOPBACK, ports.postgres(), LocalCredentials.DEBEZIUM_USER, LocalCredentials.DEBEZIUM_PASSWORD));
            connect.rest().awaitRunning(DebeziumConnectorConfig.CONNECTOR_NAME, Duration.ofSeconds(60));
            return DebeziumConnectorConfig.CONNECTOR_NAME;
        }, name -> name + " RUNNING");

        notifier = progress.step("notifier", this::launchNotifier, service -> service.url().toString());
        started.push(notifier);
    }

    private ServiceProcess launchNotifier() {
        return launch("notifier", settings.ports().notifier(), notifierEnvironment());
    }

    private ServiceProcess launch(String name, int port, Map<String, String> environment) {
        ServiceProcess service = ServiceProcess.start(name, settings.projectDirectory(), port, environment, directory("logs"),
                settings.trainStartupArchives(), warning -> progress.warning(name, warning));
        if (service.training()) {
            progress.warning(name, "this first run after a build trains its start-up archive: written as it stops, it makes the next starts faster");
        }
        return service;
    }

    private Map<String, String> notifierEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CDC_DATABASE_URL", jdbcUrl(),
                "CDC_DATABASE_ADMIN_USER", LocalCredentials.ADMIN_USER,
                "CDC_DATABASE_ADMIN_PASSWORD", LocalCredentials.ADMIN_PASSWORD,
                "CDC_DATABASE_NOTIFIER_USER", LocalCredentials.NOTIFIER_USER,
                "CDC_DATABASE_NOTIFIER_PASSWORD", LocalCredentials.NOTIFIER_PASSWORD,
                "CDC_NOTIFIER_LINK_BASE_URL", "http://" + Ports.LOOPBACK + ":" + settings.ports().transactionWriter()));
        // Slack is configured where the launcher runs (SLACK_WEBHOOK_URL=... ./cdc up); without it alerts go to the notifier's log.
        for (String name : List.of("SLACK_WEBHOOK_URL", "SLACK_BOT_TOKEN", "SLACK_CHANNEL")) {
            String value = this.environment.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        return environment;
    }

    /**
     * Kills the notifier with SIGKILL, as a crash would; {@link #restartNotifier()} starts it again. The whole-pipeline
     * tests use them to prove that no notification is lost or doubled across a crash.
     */
    void killNotifier() {
        started.remove(notifier);
        notifier.kill();
    }

    void restartNotifier() {
        notifier = launchNotifier();
        started.push(notifier);
    }

    private Map<String, String> writerEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CDC_DATABASE_URL", jdbcUrl(),
                "CDC_DATABASE_ADMIN_USER", LocalCredentials.ADMIN_USER,
                "CDC_DATABASE_ADMIN_PASSWORD", LocalCredentials.ADMIN_PASSWORD,
                "CDC_DATABASE_APP_USER", LocalCredentials.APP_USER,
                "CDC_DATABASE_APP_PASSWORD", LocalCredentials.APP_PASSWORD,
                "CDC_DATABASE_DEBEZIUM_USER", LocalCredentials.DEBEZIUM_USER,
                "CDC_DATABASE_DEBEZIUM_PASSWORD", LocalCredentials.DEBEZIUM_PASSWORD));
        if (settings.generatorRate() > 0) {
            environment.put("CDC_GENERATOR_ENABLED", "true");
            environment.put("CDC_GENERATOR_RATE", Integer.toString(settings.generatorRate()));
        }
        return environment;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(LocalSettings.DATABASE);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ConnectWorker connect() {
        return connect;
    }

    public LocalSettings settings() {
        return settings;
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(settings.stateDirectory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every started component in reverse order; one that fails to stop does not keep the others running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop every component", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
