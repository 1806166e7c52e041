package org.cdcpipeline.writer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.cdcpipeline.writer.EmbeddedPostgresResource;
import org.cdcpipeline.writer.generator.GeneratedAccount;
import org.cdcpipeline.writer.generator.TransactionGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GeneratorResourceTest {

    @ConfigProperty(name = "cdc.database.url")
    String url;

    @AfterEach
    void stop() {
        given().post("/api/generator/stop").then().statusCode(200);
    }

    @Test
    void generatesAtTheRequestedRateUntilStopped() throws Exception {
        long before = count("SELECT count(*) FROM transactions");
        given().contentType(ContentType.JSON).body(Map.of("rate", 200, "seed", 123, "anomalyShare", 0.1))
                .post("/api/generator/start").then().statusCode(200).body("running", equalTo(true), "seed", equalTo(123));
        given().contentType(ContentType.JSON).body(Map.of("rate", 5)).post("/api/generator/start").then().statusCode(409)
                .contentType("application/problem+json");
        Thread.sleep(3_000);

        JsonPath status = given().post("/api/generator/stop").then().statusCode(200).body("running", equalTo(false)).extract().jsonPath();
        assertThat(status.getDouble("actualRate")).isCloseTo(200, within(40.0));
        assertThat(status.getLong("transactionsUpdated")).isPositive();
        long created = status.getLong("transactionsCreated");
        assertThat(count("SELECT count(*) FROM transactions") - before).isEqualTo(created - status.getLong("transactionsDeleted"));
        // The same seed always brings the same customers.
        GeneratedAccount first = new TransactionGenerator(123, 0.1, 500, 200).population().accounts().getFirst();
        assertThat(count("SELECT count(*) FROM accounts WHERE id = '" + first.id() + "' AND iban = '" + first.iban() + "'")).isEqualTo(1);
        given().get("/api/generator").then().body("transactionsCreated", equalTo((int) created));
        given().get("/q/metrics").then().body(containsString("cdc_writer_transactions_created_total{source=\"generator\"}"),
                containsString("cdc_generator_rate"));
    }

    @Test
    void refusesImpossibleSettings() {
        given().contentType(ContentType.JSON).body(Map.of("rate", 0, "anomalyShare", 2)).post("/api/generator/start")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("anomalyShare", "rate"));
        given().contentType(ContentType.JSON).body(Map.of("count", -1)).post("/api/generator/bulk")
                .then().statusCode(400).body("errors.field", contains("count"));
    }

    @Test
    void bulkLoadsRowsWithCopyAndRefusesTheSameSeedTwice() throws Exception {
        long before = count("SELECT count(*) FROM transactions");
        given().contentType(ContentType.JSON).body(Map.of("count", 20_000, "seed", 99)).post("/api/generator/bulk")
                .then().statusCode(200).body("rows", equalTo(20_000), "seed", equalTo(99));
        assertThat(count("SELECT count(*) FROM transactions") - before).isEqualTo(20_000);
        assertThat(count("SELECT count(DISTINCT status) FROM transactions")).isEqualTo(4);
        // The foreign-key checks of the COPY were planned from statistics that count the population it references.
        assertThat(count("SELECT reltuples::bigint FROM pg_class WHERE relname = 'merchants'")).isEqualTo(count("SELECT count(*) FROM merchants"));
        assertThat(count("SELECT reltuples::bigint FROM pg_class WHERE relname = 'accounts'")).isEqualTo(count("SELECT count(*) FROM accounts"));
        given().contentType(ContentType.JSON).body(Map.of("count", 10, "seed", 99)).post("/api/generator/bulk")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", contains("seed"));
        given().get("/q/metrics").then().body(containsString("cdc_writer_transactions_created_total{source=\"bulk\"}"));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", EmbeddedPostgresResource.ADMIN_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
