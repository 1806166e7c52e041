package org.cdcpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.ChangeEventParser;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.ParsedRecord;
import org.cdcpipeline.events.TransactionRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole local pipeline, started as the launcher starts it: rows written with plain JDBC arrive as Debezium events. */
class PipelineCaptureIT {

    private static final String TOPIC = "bank.public.transactions";
    private static final ChangeEventParser PARSER = new ChangeEventParser();

    @TempDir
    static Path stateDirectory;

    static Pipeline pipeline;
    static String progress;

    @BeforeAll
    static void startPipeline() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        pipeline = Pipeline.start(TestPipelines.settings(stateDirectory, true), new PrintStream(output, true));
        progress = output.toString();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void printsAProgressLinePerComponent() {
        assertThat(progress.lines().filter(line -> line.startsWith("  ready")).map(line -> line.substring(9, 29).strip()))
                .containsExactly("PostgreSQL", "Kafka broker", "Kafka Connect", "transaction-writer", "demo data",
                        "Debezium connector", "notifier");
    }

    @Test
    void rowsPresentBeforeTheConnectorArriveAsSnapshotEvents() {
        try (TopicReader reader = new TopicReader(pipeline.bootstrapServers(), TOPIC)) {
            List<ChangeEvent<TransactionRow>> snapshot = reader.readAtLeast(DemoData.TRANSACTIONS, Duration.ofSeconds(30)).stream()
                    .filter(record -> record.value() != null).map(PipelineCaptureIT::event).filter(event -> event.op() == Operation.READ).toList();

            assertThat(snapshot).hasSize(DemoData.TRANSACTIONS).allSatisfy(event -> {
                assertThat(event.isSnapshot()).isTrue();
                assertThat(event.before()).isNull();
            });
            TransactionRow large = snapshot.stream().map(ChangeEvent::after)
                    .filter(row -> row.id().equals(UUID.fromString("c0000000-0000-4000-8000-000000000003"))).findFirst().orElseThrow();
            assertThat(large.amount()).isEqualTo(new BigDecimal("14999.0000"));
            assertThat(large.currency()).isEqualTo("EUR");
            assertThat(large.status()).isEqualTo("PENDING");
        }
    }

    @Test
    void insertUpdateAndDeleteArriveInOrderWithFullRows() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(pipeline.jdbcUrl(), LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO transactions (id, account_id, type, amount, currency, status, channel, country) VALUES ('"
                    + id + "', 'a0000000-0000-4000-8000-000000000002', 'TRANSFER', 1234.5678, 'EUR', 'PENDING', 'MOBILE', 'FR')");
            statement.execute("UPDATE transactions SET status = 'DECLINED', decline_reason = 'SUSPECTED_FRAUD', version = version + 1 WHERE id = '" + id + "'");
            statement.execute("DELETE FROM transactions WHERE id = '" + id + "'");
        }

        try (TopicReader reader = new TopicReader(pipeline.bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> forRow = reader.readUntil(records -> ofKey(records, id).size() >= 4, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = ofKey(forRow, id);

            assertThat(records).hasSize(4);
            ChangeEvent<TransactionRow> created = event(records.get(0));
            ChangeEvent<TransactionRow> updated = event(records.get(1));
            ChangeEvent<TransactionRow> deleted = event(records.get(2));

            assertThat(created.op()).isEqualTo(Operation.CREATE);
            assertThat(created.before()).isNull();
            assertThat(created.after().amount()).isEqualTo(new BigDecimal("1234.5678"));
            assertThat(created.after().status()).isEqualTo("PENDING");
            assertThat(created.source().lsn()).isPositive();
            assertThat(created.source().txId()).isNotNull();

            assertThat(updated.op()).isEqualTo(Operation.UPDATE);
            assertThat(updated.before()).isEqualTo(created.after());
            assertThat(updated.after().status()).isEqualTo("DECLINED");
            assertThat(updated.after().declineReason()).isEqualTo("SUSPECTED_FRAUD");
            assertThat(updated.after().version()).isEqualTo(1L);
            assertThat(updated.after().amount()).isEqualTo(new BigDecimal("1234.5678"));

            assertThat(deleted.op()).isEqualTo(Operation.DELETE);
            assertThat(deleted.before()).isEqualTo(updated.after());
            assertThat(deleted.after()).isNull();
            assertThat(deleted.source().lsn()).isGreaterThan(updated.source().lsn()).isGreaterThan(0);

            assertThat(records.get(3).value()).as("tombstone after the delete").isNull();
            assertThat(PARSER.parse(records.get(3).value(), TransactionRow.class)).isInstanceOf(ParsedRecord.Tombstone.class);
        }
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, UUID id) {
        return records.stream().filter(record -> id.equals(PARSER.parseKey(record.key()))).toList();
    }

    private static ChangeEvent<TransactionRow> event(ConsumerRecord<String, String> record) {
        return ((ParsedRecord.Event<TransactionRow>) PARSER.parse(record.value(), TransactionRow.class)).event();
    }
}
