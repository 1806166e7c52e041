package org.cdcpipeline.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;

/** Starts a real PostgreSQL with the local pipeline's provisioning code and points the notifier at it. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "test-admin";
    static final String NOTIFIER_PASSWORD = "test-notifier";

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path stateDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-");
            server = PostgresServer.start(PostgresSettings.of(stateDirectory, Ports.findFree(), "postgres", ADMIN_PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createDatabaseIfMissing("bank");
        return Map.of(
                "cdc.database.url", server.jdbcUrl("bank"),
                "cdc.database.admin-password", ADMIN_PASSWORD,
                "cdc.database.notifier-password", NOTIFIER_PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
