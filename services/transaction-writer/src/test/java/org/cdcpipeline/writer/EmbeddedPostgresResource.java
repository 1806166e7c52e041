package org.cdcpipeline.writer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;

/**
 * Starts a real PostgreSQL for the service's tests with the same provisioning code the local pipeline uses
 * (no Dev Services, no containers), and points the service at it.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "test-admin";
    public static final String APP_PASSWORD = "test-app";
    public static final String DEBEZIUM_PASSWORD = "test-debezium";

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path stateDirectory = Files.createTempDirectory(Path.of("target"), "postgres-");
            server = PostgresServer.start(PostgresSettings.of(stateDirectory, Ports.findFree(), "postgres", ADMIN_PASSWORD));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createDatabaseIfMissing("bank");
        return Map.of(
                "cdc.database.url", server.jdbcUrl("bank"),
                "cdc.database.admin-password", ADMIN_PASSWORD,
                "cdc.database.app-password", APP_PASSWORD,
                "cdc.database.debezium-password", DEBEZIUM_PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
