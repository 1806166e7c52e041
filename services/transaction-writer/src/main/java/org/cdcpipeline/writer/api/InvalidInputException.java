package org.cdcpipeline.writer.api;

/** A header or query parameter the API cannot use; answered with 400 naming it. */
public final class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
