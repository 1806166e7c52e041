package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The plugin archive the Connect build downloads is the Debezium of the local pipeline, and its checksum is right. */
class DebeziumPluginArchiveTest {

    @Test
    void theChartBuildsTheProjectsDebeziumVersionWithTheArchivesRealChecksum() throws Exception {
        String version = System.getProperty("debezium.version");
        Path archive = Path.of(System.getProperty("debezium.plugin.directory"))
                .resolve("debezium-connector-postgres-" + version + "-plugin.tar.gz");
        JsonNode plugin = Chart.yaml().readTree(Chart.DIRECTORY.resolve("values.yaml").toFile()).at("/connect/build/debeziumPlugin");

        assertThat(plugin.path("version").asText()).isEqualTo(version);
        assertThat(plugin.path("sha512sum").asText()).isEqualTo(sha512(archive));
    }

    private static String sha512(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        try (InputStream input = Files.newInputStream(file)) {
            input.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
