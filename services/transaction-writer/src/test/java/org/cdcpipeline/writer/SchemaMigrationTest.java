package org.cdcpipeline.writer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SchemaMigrationTest {

    @ConfigProperty(name = "cdc.database.url")
    String url;

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void capturedTablesKeepFullRowsAndArePublished() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url, "postgres", EmbeddedPostgresResource.ADMIN_PASSWORD);
             Statement statement = admin.createStatement()) {
            assertThat(strings(statement, "SELECT relname FROM pg_class WHERE relreplident = 'f' AND relkind = 'r' ORDER BY relname"))
                    .containsExactly("accounts", "cdc_heartbeat", "merchants", "transactions");
            assertThat(strings(statement, "SELECT tablename FROM pg_publication_tables WHERE pubname = 'cdc_bank' ORDER BY tablename"))
                    .containsExactly("accounts", "cdc_heartbeat", "merchants", "transactions");
            assertThat(strings(statement, "SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency_keys' "
                    + "ORDER BY ordinal_position"))
                    .containsExactly("idempotency_key", "request_hash", "transaction_id", "response_status", "response_body", "created_at");
        }
    }

    @Test
    void debeziumRoleCanReplicateAndReadButNotWrite() throws SQLException {
        try (Connection debezium = DriverManager.getConnection(url, "debezium", EmbeddedPostgresResource.DEBEZIUM_PASSWORD);
             Statement statement = debezium.createStatement()) {
            assertThat(strings(statement, "SELECT rolreplication::text || ',' || rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .containsExactly("true,false");
            assertThat(strings(statement, "SELECT count(*)::text FROM transactions")).containsExactly("0");
            assertThat(rejected(statement, "INSERT INTO accounts (id, owner_name, iban, home_country, currency) "
                    + "VALUES (gen_random_uuid(), 'x', 'DE00', 'DE', 'EUR')")).contains("permission denied");
            assertThat(rejected(statement, "INSERT INTO transactions (id, account_id, type, amount, currency, status, channel, country) "
                    + "VALUES (gen_random_uuid(), gen_random_uuid(), 'DEPOSIT', 1, 'EUR', 'PENDING', 'ATM', 'DE')")).contains("permission denied");
            assertThat(rejected(statement, "UPDATE transactions SET status = 'SETTLED'")).contains("permission denied");
            assertThat(rejected(statement, "DELETE FROM transactions")).contains("permission denied");
            assertThat(rejected(statement, "SELECT * FROM idempotency_keys")).contains("permission denied");
            assertThat(rejected(statement, "SELECT refresh_population_statistics()")).contains("permission denied");
        }
    }

    @Test
    void applicationRoleCannotReplicate() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, "bank_app", EmbeddedPostgresResource.APP_PASSWORD);
             Statement statement = app.createStatement()) {
            assertThat(rejected(statement, "SELECT pg_create_logical_replication_slot('not_allowed', 'pgoutput')"))
                    .contains("must be superuser or replication role");
            assertThat(rejected(statement, "CREATE TABLE not_allowed (id int)")).contains("permission denied");
            assertThat(rejected(statement, "DROP TABLE transactions")).contains("must be owner");
            assertThat(strings(statement, "SELECT has_table_privilege('idempotency_keys', 'INSERT')::text")).containsExactly("true");
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static String rejected(Statement statement, String sql) {
        try {
            statement.execute(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
