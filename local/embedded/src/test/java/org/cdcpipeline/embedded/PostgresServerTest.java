package org.cdcpipeline.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.cdcpipeline.embedded.postgres.PostgresSettings;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path stateDirectory;

    @Test
    void startsWithLogicalDecodingAndKeepsDataAcrossRestarts() throws Exception {
        PostgresSettings settings = PostgresSettings.of(stateDirectory, Ports.findFree(), "postgres", "secret");
        try (PostgresServer server = PostgresServer.start(settings)) {
            server.createDatabaseIfMissing("bank");
            try (Connection connection = server.connectAsSuperuser("bank"); Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SHOW wal_level")).isEqualTo("logical");
                assertThat(single(statement, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
                statement.execute("SELECT pg_create_logical_replication_slot('kept_slot', 'pgoutput')");
            }
        }
        try (PostgresServer server = PostgresServer.start(settings)) {
            server.createDatabaseIfMissing("bank");
            try (Connection connection = server.connectAsSuperuser("bank"); Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT id FROM kept")).isEqualTo("42");
                assertThat(single(statement, "SELECT slot_name FROM pg_replication_slots")).isEqualTo("kept_slot");
            }
        }
    }

    @Test
    void refusesADatabaseWithoutLogicalWalLevel() {
        PostgresSettings settings = PostgresSettings.of(stateDirectory, Ports.findFree(), "postgres", "secret")
                .withServerSettings(Map.of("wal_level", "replica"));

        assertThatThrownBy(() -> PostgresServer.start(settings))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("wal_level=replica")
                .hasMessageContaining("wal_level = logical");
    }

    @Test
    void refusesAPortAlreadyTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 0, java.net.InetAddress.getByName(Ports.LOOPBACK))) {
            PostgresSettings settings = PostgresSettings.of(stateDirectory, taken.getLocalPort(), "postgres", "secret");

            assertThatThrownBy(() -> PostgresServer.start(settings))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for PostgreSQL is already in use")
                    .hasMessageContaining("--postgres-port");
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }
}
