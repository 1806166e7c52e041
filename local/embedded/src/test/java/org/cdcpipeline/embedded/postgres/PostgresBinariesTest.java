package org.cdcpipeline.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdcpipeline.embedded.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path unpackRoot;

    @Test
    void fallsBackToTheBinariesPublishedOnMavenCentral() {
        PostgresBinaries binaries = PostgresBinaries.find(List.of(unpackRoot.resolve("no-postgres-here")), PostgresBinaries.BUNDLE_RESOURCE, unpackRoot);

        assertThat(binaries.origin()).startsWith("bundled binaries");
        assertThat(binaries.majorVersion()).isGreaterThanOrEqualTo(PostgresBinaries.MINIMUM_MAJOR_VERSION);
        assertThat(Files.isExecutable(binaries.initdb())).isTrue();
        assertThat(Files.isExecutable(binaries.binDirectory().resolve("postgres"))).isTrue();
    }

    @Test
    void prefersSystemBinariesNewestFirst() throws Exception {
        Path root = Files.createDirectories(unpackRoot.resolve("lib-postgresql"));
        for (String major : List.of("9", "15", "16", "README")) {
            Files.createDirectories(root.resolve(major));
        }

        assertThat(PostgresBinaries.debianInstallations(root))
                .containsExactly(root.resolve("16/bin"), root.resolve("15/bin"), root.resolve("9/bin"));
    }

    @Test
    void saysWhatToDoWhenNoBinariesCanBeFound() {
        assertThatThrownBy(() -> PostgresBinaries.find(List.of(unpackRoot), "no-such-bundle.txz", unpackRoot))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("No PostgreSQL 15+ server binaries found")
                .hasMessageContaining("apt-get install postgresql")
                .hasMessageContaining("CDC_POSTGRES_BIN");
    }
}
