package org.cdcpipeline.launcher;

import java.nio.file.Path;

/**
 * Everything that differs between two runs of the local pipeline: where its state lives and which ports it takes.
 * Credentials are fixed and local-only (see {@link LocalCredentials}); every server listens on 127.0.0.1.
 *
 * @param projectDirectory where the services' built jars are ({@code services/<name>/target/quarkus-app})
 * @param stateDirectory   data of PostgreSQL and Kafka, logs, the launcher's pid
 * @param generatorRate    transactions/s of the transaction-writer's generator, started with the writer; 0 = off
 * @param trainStartupArchives whether the services start with the archive trained on their earlier runs here, and the
 *                         first run trains it (see {@link org.cdcpipeline.embedded.QuarkusApplication#trainedProcessBuilder})
 */
public record LocalSettings(Path projectDirectory, Path stateDirectory, Ports ports, boolean demoData, int generatorRate,
                            boolean trainStartupArchives) {

    public static final String DATABASE = "bank";

    /** Without the generator, and with the packaged start-up archives only: a run that leaves the built services as they are. */
    public LocalSettings(Path projectDirectory, Path stateDirectory, Ports ports, boolean demoData) {
        this(projectDirectory, stateDirectory, ports, demoData, 0, false);
    }

    /** The ports of the local pipeline; the defaults are the ones the README documents. */
    public record Ports(int postgres, int kafka, int kafkaController, int connect, int transactionWriter, int notifier) {

        public static Ports defaults() {
            return new Ports(15432, 19092, 19093, 18083, 8080, 8081);
        }
    }
}
