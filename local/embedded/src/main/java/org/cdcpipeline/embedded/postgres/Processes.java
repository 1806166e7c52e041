package org.cdcpipeline.embedded.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.cdcpipeline.embedded.StartupException;

/** Runs PostgreSQL's command-line tools and turns a failure into an error that shows their output. */
final class Processes {

    private Processes() {
    }

    static String run(List<String> command, Path workingDirectory) {
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new StartupException("'" + String.join(" ", command) + "' failed with exit code " + exit + ":\n" + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new StartupException("Could not run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }
}
