package org.cdcpipeline.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which start-up archive a service starts with, decided by the JVM running this test, and whether that JVM maps it. */
class QuarkusApplicationTest {

    private static final boolean TRAINS = Runtime.version().feature() >= 25;

    @TempDir
    Path app;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void withoutATrainedArchiveThisStartTrainsOneOnJava25AndOlderJavaStartsAsPackaged() {
        QuarkusApplication.TrainedStart start = new QuarkusApplication(app).trainedProcessBuilder(List.of("-Xmx64m"), warnings::add);

        assertThat(start.training()).isEqualTo(TRAINS);
        assertThat(start.processBuilder().command()).endsWith("-jar", QuarkusApplication.RUNNER_JAR);
        if (TRAINS) {
            assertThat(start.processBuilder().command()).contains("-Xmx64m", "-XX:AOTCacheOutput=" + QuarkusApplication.TRAINED_ARCHIVE);
        } else {
            assertThat(start.processBuilder().command()).noneMatch(option -> option.startsWith("-XX:AOTCache"));
        }
    }

    @Test
    void aTrainedArchiveThisJavaWroteIsStartedWithAndTheJvmMapsIt() throws Exception {
        // What a training start does as it exits, on a smaller scale: the JVM writes the archive of this run.
        int written = ThisJava.run(app, "-XX:AOTCacheOutput=" + QuarkusApplication.TRAINED_ARCHIVE, "-version");

        QuarkusApplication.TrainedStart start = new QuarkusApplication(app).trainedProcessBuilder(List.of(), warnings::add);

        assertThat(start.training()).isFalse();
        if (TRAINS) {
            assertThat(written).isZero();
            String option = "-XX:AOTCache=" + QuarkusApplication.TRAINED_ARCHIVE;
            assertThat(start.processBuilder().command()).contains(option).doesNotContain("-XX:AOTCacheOutput=" + QuarkusApplication.TRAINED_ARCHIVE);
            assertThat(ThisJava.run(app, "-XX:AOTMode=on", option, "-version")).as("exit code with the archive required").isZero();
        } else {
            assertThat(written).as("a JVM before 25 does not know -XX:AOTCacheOutput").isNotZero();
            assertThat(start.processBuilder().command()).noneMatch(option -> option.startsWith("-XX:AOTCache"));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTrainedArchiveFromAnotherJavaIsTrainedAgain() throws Exception {
        Files.writeString(app.resolve(QuarkusApplication.TRAINED_ARCHIVE), "OpenJDK 64-Bit Server VM (1.0+0) for linux-amd64");

        QuarkusApplication.TrainedStart start = new QuarkusApplication(app).trainedProcessBuilder(List.of(), warnings::add);

        assertThat(start.training()).isEqualTo(TRAINS);
        assertThat(start.processBuilder().command()).doesNotContain("-XX:AOTCache=" + QuarkusApplication.TRAINED_ARCHIVE);
    }
}
