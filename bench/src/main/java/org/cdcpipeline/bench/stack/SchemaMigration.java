package org.cdcpipeline.bench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * Creates the schema (tables, publication {@code cdc_bank}, roles) with the transaction-writer's own Flyway
 * migrations, read from the source tree: the benchmark measures the schema that ships, not a copy of it.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** The migrations' folder: {@code -Dcdc.migrations.dir}, else found from the working directory (the project or bench/). */
    public static Path migrationsDirectory() {
        String configured = System.getProperty("cdc.migrations.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path relative = Path.of("services/transaction-writer/src/main/resources/db/migration");
        for (Path base : new Path[] {Path.of(""), Path.of("..")}) {
            if (Files.isDirectory(base.resolve(relative))) {
                return base.resolve(relative).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The transaction-writer's migrations (" + relative + ") are not below the working directory;"
                + " run the benchmark from the project's directory or set -Dcdc.migrations.dir.");
    }

    public static void migrate(String jdbcUrl) {
        Flyway.configure()
                .dataSource(jdbcUrl, Credentials.ADMIN_USER, Credentials.ADMIN_PASSWORD)
                .locations("filesystem:" + migrationsDirectory())
                .placeholders(Map.of(
                        "appUser", Credentials.APP_USER, "appPassword", Credentials.APP_PASSWORD,
                        "debeziumUser", Credentials.DEBEZIUM_USER, "debeziumPassword", Credentials.DEBEZIUM_PASSWORD))
                .load()
                .migrate();
    }
}
