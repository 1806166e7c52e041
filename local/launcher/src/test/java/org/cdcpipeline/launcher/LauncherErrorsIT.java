package org.cdcpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.cdcpipeline.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the local pipeline can fail to start tells the user what happened and what to do. */
class LauncherErrorsIT {

    @TempDir
    Path stateDirectory;

    @Test
    void aTakenPortNamesTheComponentAndTheOptionAndStopsWhatHadStarted() throws Exception {
        LocalSettings settings = TestPipelines.settings(stateDirectory, false);
        try (ServerSocket taken = new ServerSocket(settings.ports().kafka(), 0, InetAddress.getByName(Ports.LOOPBACK))) {
            StringWriter err = new StringWriter();
            List<String> arguments = new ArrayList<>(List.of("up"));
            arguments.addAll(TestPipelines.options(settings));

            int exit = CdcCommand.commandLine().setErr(new PrintWriter(err, true)).execute(arguments.toArray(String[]::new));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: Port " + settings.ports().kafka() + " for Kafka is already in use on 127.0.0.1")
                    .contains("--kafka-port or CDC_KAFKA_PORT");
            assertThat(stateDirectory.resolve("postgres/data/postmaster.pid")).as("PostgreSQL, started first, was stopped again").doesNotExist();
        }
    }

    @Test
    void aJavaOlderThan21IsRefusedBeforeAnythingIsBuilt() throws Exception {
        Path fakeJdk = Files.createDirectories(stateDirectory.resolve("jdk-17/bin"));
        Path java = fakeJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder cdc = new ProcessBuilder("bash", TestPipelines.projectDirectory().resolve("cdc").toString(), "status")
                .redirectErrorStream(true);
        cdc.environment().put("JAVA_HOME", fakeJdk.getParent().toString());
        Process process = cdc.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).contains("is Java 17; the pipeline needs Java 21 or newer").contains("JAVA_HOME").doesNotContain("Building");
    }
}
