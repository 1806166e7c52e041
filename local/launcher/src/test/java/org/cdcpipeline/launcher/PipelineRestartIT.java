package org.cdcpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.events.ChangeEventParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes continuously while the pipeline is stopped and started again, once gracefully (SIGTERM) and once abruptly
 * (SIGKILL of the launcher, which takes Kafka and Kafka Connect down mid-flight while PostgreSQL keeps taking writes):
 * every committed row must arrive on the change topic.
 */
class PipelineRestartIT {

    private static final ChangeEventParser PARSER = new ChangeEventParser();

    @TempDir
    Path stateDirectory;

    @Test
    void everyCommittedChangeArrivesAcrossGracefulAndAbruptRestarts() throws Exception {
        LocalSettings settings = TestPipelines.settings(stateDirectory, false);
        String jdbcUrl = "jdbc:postgresql://" + Ports.LOOPBACK + ":" + settings.ports().postgres() + "/" + LocalSettings.DATABASE;
        ContinuousWriter writer = new ContinuousWriter(jdbcUrl);

        LauncherProcess launcher = LauncherProcess.up(settings);
        writer.insertAccount();
        Thread writing = Thread.ofPlatform().name("continuous-writer").start(writer);
        writer.awaitCommitted(50);

        launcher.stopGracefully();
        assertThat(stateDirectory.resolve("postgres/data/postmaster.pid")).as("PostgreSQL stopped with the launcher").doesNotExist();
        assertThat(stateDirectory.resolve("launcher.properties")).as("the launcher's pid file removed").doesNotExist();
        int committedBeforeRestart = writer.committed().size();
        launcher = LauncherProcess.up(settings);
        writer.awaitCommitted(committedBeforeRestart + 50);

        launcher.kill();
        int committedBeforeKill = writer.committed().size();
        writer.awaitCommitted(committedBeforeKill + 50);
        assertThat(writer.committed().size()).as("PostgreSQL kept taking writes while Kafka and Connect were down")
                .isGreaterThan(committedBeforeKill);
        launcher = LauncherProcess.up(settings);
        writer.awaitCommitted(writer.committed().size() + 50);
        writer.stop();
        writing.join();

        Set<UUID> committed = writer.committed();
        try (TopicReader reader = new TopicReader(Ports.LOOPBACK + ":" + settings.ports().kafka(), "bank.public.transactions")) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(read -> keys(read).containsAll(committed), Duration.ofSeconds(90));
            Set<UUID> arrived = keys(records);
            long duplicates = records.size() - arrived.size();
            System.out.printf("committed %d rows, %d change events arrived, %d redelivered after the abrupt stop%n",
                    committed.size(), records.size(), duplicates);
            assertThat(arrived).containsAll(committed);
        } finally {
            launcher.stopGracefully();
        }
    }

    private static Set<UUID> keys(List<ConsumerRecord<String, String>> records) {
        Set<UUID> keys = new HashSet<>();
        records.forEach(record -> keys.add(PARSER.parseKey(record.key())));
        return keys;
    }

    /** Inserts one transaction every few milliseconds; records only the inserts whose commit succeeded. */
    private static final class ContinuousWriter implements Runnable {

        private static final UUID ACCOUNT = UUID.fromString("a0000000-0000-4000-8000-0000000000ff");

        private final String jdbcUrl;
        private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);

        ContinuousWriter(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        void insertAccount() throws SQLException {
            try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?, 'Restart Test', 'NL91ABNA0417164300', 'NL', 'EUR')")) {
                insert.setObject(1, ACCOUNT);
                insert.executeUpdate();
            }
        }

        @Override
        public void run() {
            while (running.get()) {
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO transactions (id, account_id, type, amount, currency, status, channel, country) "
                                + "VALUES (?, ?, 'TRANSFER', 10.0000, 'EUR', 'PENDING', 'ONLINE', 'NL')")) {
                    while (running.get()) {
                        UUID id = UUID.randomUUID();
                        insert.setObject(1, id);
                        insert.setObject(2, ACCOUNT);
                        insert.executeUpdate();
                        committed.add(id);
                        Thread.sleep(5);
                    }
                } catch (SQLException databaseDown) {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitCommitted(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (committed.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + committed.size() + " of " + count + " rows committed");
                }
                Thread.sleep(20);
            }
        }

        Set<UUID> committed() {
            return Set.copyOf(committed);
        }

        void stop() {
            running.set(false);
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD);
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
