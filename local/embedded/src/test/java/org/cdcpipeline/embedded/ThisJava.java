package org.cdcpipeline.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Java running the tests, run again as a child process: the JVM that writes and maps start-up archives. */
final class ThisJava {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ThisJava() {
    }

    /** @return the exit code of {@code java <arguments>} run in {@code directory}, its output discarded */
    static int run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
