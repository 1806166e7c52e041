package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.connect.ConnectWorker;
import org.cdcpipeline.embedded.kafka.KafkaBroker;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KafkaConnector the chart renders, run on a real Kafka Connect worker with Debezium: with only the database's
 * location and login replaced (what the chart sets from the cluster), it reaches RUNNING and captures a row.
 */
class ConnectorParityTest {

    /** The transaction-writer's migrations: they create the captured tables, the publication and Debezium's role. */
    private static final Path MIGRATIONS = Path.of("../services/transaction-writer/src/main/resources/db/migration").toAbsolutePath();
    private static final String SUPERUSER_PASSWORD = "parity-admin";
    private static final String DEBEZIUM_PASSWORD = "parity-debezium";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    void theRenderedConnectorRunsOnARealConnectWorkerAndCapturesARow() throws Exception {
        JsonNode connector = Chart.render(Map.of()).get("KafkaConnector", "cdc-bank");
        Map<String, String> config = connectRestConfig(connector);
        assertThat(config).containsEntry("database.password", "${secrets:cdc-pipeline/cdc-pipeline-database:debezium-password}");

        try (PostgresServer postgres = PostgresServer.start(PostgresSettings.of(state.resolve("postgres"), Ports.findFree(), "postgres", SUPERUSER_PASSWORD))) {
            postgres.createDatabaseIfMissing("bank");
            migrate(postgres);
            config.put("database.hostname", Ports.LOOPBACK);
            config.put("database.port", Integer.toString(postgres.port()));
            config.put("database.password", DEBEZIUM_PASSWORD);

            try (KafkaBroker kafka = KafkaBroker.start(state.resolve("kafka"), Ports.findFree(), Ports.findFree(), Map.of());
                 ConnectWorker connect = ConnectWorker.start(kafka.bootstrapServers(), Ports.findFree(), Map.of())) {
                String name = connector.at("/metadata/name").asText();
                connect.rest().putConnectorConfig(name, config);
                connect.rest().awaitRunning(name, Duration.ofSeconds(90));

                UUID transactionId = insertTransaction(postgres);

                JsonNode change = awaitChange(kafka.bootstrapServers(), "bank.public.transactions", transactionId, Duration.ofSeconds(60));
                assertThat(change.path("after").path("amount").asText()).as("decimal.handling.mode=string").isEqualTo("12.3400");
                assertThat(change.path("source").path("table").asText()).isEqualTo("transactions");
            }
        }
    }

    /** What Strimzi sends to Connect's REST API for a KafkaConnector: spec.config plus the class and task count. */
    private static Map<String, String> connectRestConfig(JsonNode connector) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connector.at("/spec/class").asText());
        config.put("tasks.max", connector.at("/spec/tasksMax").asText());
        connector.at("/spec/config").fields().forEachRemaining(field -> config.put(field.getKey(), field.getValue().asText()));
        return config;
    }

    private static void migrate(PostgresServer postgres) {
        Flyway.configure()
                .dataSource(postgres.jdbcUrl("bank"), "postgres", SUPERUSER_PASSWORD)
                .locations("filesystem:" + MIGRATIONS)
                .placeholders(Map.of(
                        "appUser", "bank_app", "appPassword", "parity-app",
                        "debeziumUser", "debezium", "debeziumPassword", DEBEZIUM_PASSWORD))
                .load()
                .migrate();
    }

    private static UUID insertTransaction(PostgresServer postgres) throws Exception {
        UUID account = UUID.randomUUID();
        UUID transaction = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bank"), "postgres", SUPERUSER_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES ('" + account
                    + "', 'Ada Lovelace', 'GB82WEST12345698765432', 'GB', 'GBP')");
            statement.execute("INSERT INTO transactions (id, account_id, type, amount, currency, status, channel, country) VALUES ('"
                    + transaction + "', '" + account + "', 'CARD_PAYMENT', 12.34, 'GBP', 'AUTHORIZED', 'POS', 'GB')");
        }
        return transaction;
    }

    private static JsonNode awaitChange(String bootstrapServers, String topic, UUID id, Duration timeout) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "parity-test");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = record.value() == null ? null : JSON.readTree(record.value());
                    if (value != null && id.toString().equals(value.path("after").path("id").asText())) {
                        return value;
                    }
                }
            }
        }
        throw new AssertionError("no change event for transaction " + id + " on " + topic + " within " + timeout.toSeconds() + " s");
    }
}
