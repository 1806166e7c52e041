package org.cdcpipeline.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results file: every figure with the machine, the versions and the settings it was measured with. */
public final class JsonResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonResults() {
    }

    public static Path write(Results results, Path directory) throws IOException {
        Path file = Files.createDirectories(directory).resolve("results.json");
        JSON.writeValue(file.toFile(), results);
        return file;
    }
}
