package org.cdcpipeline.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives written by a real JVM: the one running this test, and the same archive as another JVM build would have written it. */
class StartupArchiveTest {


    @TempDir
    Path app;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aServiceWithoutArchiveStartsWithoutOption() {
        assertThat(StartupArchive.jvmOption(app, warnings::add)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anArchiveThisJavaWroteIsMappedAndTheJvmStartsWithIt() throws Exception {
        writeArchive();

        String option = StartupArchive.jvmOption(app, warnings::add).orElseThrow();

        assertThat(option).isEqualTo("-XX:SharedArchiveFile=app-cds.jsa");
        assertThat(warnings).isEmpty();
        assertThat(ThisJava.run(app, "-Xshare:on", option, "-version")).as("exit code with the archive required").isZero();
    }

    @Test
    void anArchiveFromAnotherJavaBuildIsLeftOutWithAWarning() throws Exception {
        writeArchive();
        Path archive = app.resolve("app-cds.jsa");
        byte[] bytes = Files.readAllBytes(archive);
        String header = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1);
        int version = header.indexOf(StartupArchive.runningJvm()) + System.getProperty("java.vm.name").length() + 2;
        bytes[version] = (byte) (bytes[version] == '9' ? '8' : '9');
        Files.write(archive, bytes);

        assertThat(StartupArchive.jvmOption(app, warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString().startsWith("app-cds.jsa was written by another Java than this one");
        assertThat(ThisJava.run(app, "-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa", "-version"))
                .as("the JVM refuses it too when told to require it").isNotZero();
    }

    /** What Quarkus does at package time, on a smaller scale: a dynamic archive of the classes loaded until exit. */
    private void writeArchive() throws Exception {
        assertThat(ThisJava.run(app, "-XX:ArchiveClassesAtExit=app-cds.jsa", "-version")).isZero();
        assertThat(app.resolve("app-cds.jsa")).isRegularFile();
    }
}
