package org.cdcpipeline.events;

/**
 * A record that is not a change event this library can read. The message is short and names the
 * culprit (e.g. {@code field 'op': unknown operation 'x'}) because consumers put it in a
 * dead-letter header.
 */
public class MalformedChangeEventException extends RuntimeException {

    /** Quoted values are cut so that a huge bad value cannot bloat a message header. */
    private static final int MAX_QUOTED_LENGTH = 40;

    public MalformedChangeEventException(String message) {
        super(message);
    }

    public MalformedChangeEventException(String message, Throwable cause) {
        super(message, cause);
    }

    static MalformedChangeEventException field(String path, String problem) {
        return new MalformedChangeEventException("field '" + path + "': " + problem);
    }

    static String quote(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_QUOTED_LENGTH
                ? "'" + text + "'"
                : "'" + text.substring(0, MAX_QUOTED_LENGTH) + "…'";
    }
}
