package org.cdcpipeline.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The sample records under {@code src/test/resources/events/}, as the JSON converter wrote them. */
final class Samples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), UTF_8);
    }

    /** The change event a parse must have produced, failing the test on a tombstone. */
    static <R> ChangeEvent<R> event(ParsedRecord<R> parsed) {
        assertThat(parsed).isInstanceOf(ParsedRecord.Event.class);
        return ((ParsedRecord.Event<R>) parsed).event();
    }

    /** A sample with one defect or variation applied to its JSON tree. */
    static String edited(String name, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(bytes(name));
            edit.accept(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
