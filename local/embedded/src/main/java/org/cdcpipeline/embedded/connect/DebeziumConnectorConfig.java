package org.cdcpipeline.embedded.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Debezium PostgreSQL connector's configuration. Its one source of truth is
 * {@code helm/cdc-pipeline/files/debezium-postgres-connector.json}, which the Helm chart's KafkaConnector
 * renders too; only where the database is and how to log in differ between environments.
 */
public final class DebeziumConnectorConfig {

    /** The connector's name in Kafka Connect, locally and in the chart. */
    public static final String CONNECTOR_NAME = "cdc-bank";
    static final String RESOURCE = "org/cdcpipeline/embedded/connect/debezium-postgres-connector.json";

    private DebeziumConnectorConfig() {
    }

    /** The shared settings, unchanged. */
    public static Map<String, String> shared() {
        try (InputStream json = DebeziumConnectorConfig.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new LinkedHashMap<>(new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared settings with the environment's database location and credentials. */
    public static Map<String, String> forDatabase(String host, int port, String user, String password) {
        Map<String, String> config = shared();
        config.put("database.hostname", host);
        config.put("database.port", Integer.toString(port));
        config.put("database.user", user);
        config.put("database.password", password);
        return config;
    }
}
